import type {
  App,
  BlockAction,
  BlockElementAction,
  Context,
  GlobalShortcut,
  RespondFn,
  SlashCommand,
  ViewOutput,
  ViewUpdateResponseAction,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../commands/types.js';
import type { Logger } from '../logger.js';
import { errorsResponse } from '../views/field-errors.js';
import type { AfterAck } from './after-ack.js';
import { deliverToRep } from './deliver.js';
import { recordFailure, replyToFailure } from './failure.js';
import type { Metrics } from './metrics.js';
import { replyWithModal, replyWithRespond } from './reply.js';
import { routesOf } from './routing.js';

/** Who asked, where, and how to answer them: built once per request from Bolt's `context` and the payload. */
export interface RequestContext {
  /** The workspace; for an org-wide install where no workspace applies, the enterprise. */
  teamId: string;
  enterpriseId?: string;
  userId: string;
  channelId?: string;
  triggerId?: string;
  client: WebClient;
  /** The workspace's bot token, for the few calls the client cannot make (file downloads). */
  botToken?: string;
  /** Answers only the person who asked. */
  reply: Reply;
  /** Notes something the request saved, so that a failure after it says it is kept. */
  saved(what: string): void;
}

/** What every listener needs for the failure policy. */
export interface ListenerDeps {
  logger: Logger;
  metrics: Metrics;
}

/** What the slash command listener needs as well: the one queue its work runs in after the ack. */
export interface CommandListenerDeps extends ListenerDeps {
  afterAck: AfterAck;
}

/** Where a reply goes when the request carries no response_url (a Home tab button, a modal). */
export type ReplyFallback = 'dm' | 'modal';

interface Parts {
  userId: string;
  channelId?: string | undefined;
  triggerId?: string | undefined;
  client: WebClient;
  respond?: RespondFn | undefined;
  fallback?: ReplyFallback;
}

interface Built {
  ctx: RequestContext;
  saved: string[];
}

function replyFor(parts: Parts, logger: Logger, userId: string): Reply {
  if (parts.respond) return replyWithRespond(parts.respond);
  if (parts.fallback === 'modal' && parts.triggerId) return replyWithModal(parts.client, parts.triggerId);
  // No response_url: an ephemeral message where the request came from, else the person's DM with the app.
  return (message) =>
    deliverToRep(
      parts.client,
      logger,
      { userId, ...(parts.channelId ? { channelId: parts.channelId } : {}) },
      message,
    );
}

/** Builds the request context from Bolt's `context` (team, enterprise, user) and the payload's channel and trigger. */
export function requestContext(context: Context, parts: Parts, logger: Logger): Built {
  const saved: string[] = [];
  const userId = context.userId ?? parts.userId;
  const ctx: RequestContext = {
    teamId: context.teamId ?? context.enterpriseId ?? '',
    ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}),
    userId,
    ...(parts.channelId ? { channelId: parts.channelId } : {}),
    ...(parts.triggerId ? { triggerId: parts.triggerId } : {}),
    client: parts.client,
    ...(context.botToken ? { botToken: context.botToken } : {}),
    reply: replyFor(parts, logger, userId),
    saved: (what) => void saved.push(what),
  };
  return { ctx, saved };
}

async function runWork(deps: ListenerDeps, source: string, built: Built, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    await replyToFailure(error, {
      reply: built.ctx.reply,
      logger: deps.logger,
      metrics: deps.metrics,
      source,
      saved: built.saved,
    });
  }
}

/** Registers the slash command: ack within Slack's 3 seconds, then the work, answered via response_url. */
export function onCommand(
  app: App,
  deps: CommandListenerDeps,
  name: string,
  source: (command: SlashCommand) => string,
  work: (ctx: RequestContext, command: SlashCommand) => Promise<void>,
): void {
  routesOf(app).command.add(name, async ({ ack, command, client, respond, context }) => {
    // Slack allows 3 seconds for the ack; everything after it waits its turn in a bounded queue, so under
    // load it never holds up the acks of later requests, and answers via respond().
    await ack();
    const built = requestContext(
      context,
      {
        userId: command.user_id,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        client,
        respond,
      },
      deps.logger,
    );
    // Not awaited: Bolt's whole invocation (payload, arguments, middleware chain) would otherwise stay in memory
    // for as long as the work waits in the queue, thousands of them under load, for the garbage collector to
    // walk. The queued work holds only the request context and the command.
    void deps.afterAck
      .run(() => runWork(deps, source(command), built, () => work(built.ctx, command)))
      .catch((error: unknown) => {
        deps.metrics.errors.inc({ source: 'after_ack' });
        deps.logger.error({ err: error }, 'the work after an ack failed, and so did telling the person');
      });
  });
}

/** Registers a button, menu or select: ack, then the work; without a response_url the reply goes to `fallback`. */
export function onAction<A extends BlockElementAction>(
  app: App,
  deps: ListenerDeps,
  actionId: string,
  work: (
    ctx: RequestContext,
    action: A,
    body: BlockAction<A>,
    respond: RespondFn | undefined,
  ) => Promise<void>,
  options: { fallback?: ReplyFallback } = {},
): void {
  routesOf(app).action.add(actionId, async (args) => {
    // The id names the element, so its payload is the `A` this id was registered with (Bolt's generic
    // listener makes the same assumption).
    const { ack, client, respond, context } = args;
    const body = args.body as BlockAction<A>;
    const action = args.action as A;
    await ack();
    const withUrl = body.response_url ? respond : undefined;
    const built = requestContext(
      context,
      {
        userId: body.user.id,
        channelId: body.channel?.id,
        triggerId: body.trigger_id,
        client,
        respond: withUrl,
        fallback: options.fallback ?? 'dm',
      },
      deps.logger,
    );
    await runWork(deps, actionId, built, () => work(built.ctx, action, body, withUrl));
  });
}

/** Registers a global shortcut: ack, then the work; replies go to the person's DM. */
export function onShortcut(
  app: App,
  deps: ListenerDeps,
  callbackId: string,
  work: (ctx: RequestContext, shortcut: GlobalShortcut) => Promise<void>,
): void {
  routesOf(app).shortcut.add(callbackId, async ({ ack, shortcut, client, context }) => {
    await ack();
    const built = requestContext(
      context,
      { userId: shortcut.user.id, triggerId: shortcut.trigger_id, client },
      deps.logger,
    );
    await runWork(deps, callbackId, built, () => work(built.ctx, shortcut));
  });
}

/** A view that replaces the submitted one on the ack (`response_action: 'update'`). */
export type ViewUpdate = ViewUpdateResponseAction['view'];

/**
 * The answer to a modal submission before the ack: inline errors that keep the form open; a view that
 * replaces it (with `ok` as well when there is work to do after the ack); or what `after` needs.
 */
export type ViewCheck<T> =
  | { errors: Record<string, string> }
  | { update: ViewUpdate }
  | {
      ok: T;
      /** Shown in place of the submitted view on the ack; without it the modal closes. */
      update?: ViewUpdate;
      /** Where the reply to the work after the ack goes, as an ephemeral message. */
      channelId?: string;
    };

/** A modal submission in two parts: `check` answers on the ack (Slack's 3 seconds), `after` runs once it closed. */
export interface ViewHandler<T> {
  /** The block a failure inside `check` is shown on, keeping the form open; without one the form closes and the person gets a message. */
  errorBlock?: (view: ViewOutput) => string | undefined;
  check(ctx: RequestContext, view: ViewOutput): Promise<ViewCheck<T>>;
  after?(ctx: RequestContext, value: T, view: ViewOutput): Promise<void>;
  /**
   * The person closed the modal (registered only when given; the view needs `notify_on_close`). A failure
   * here is answered like any other, in the person's DM with the app.
   */
  closed?(ctx: RequestContext, view: ViewOutput): Promise<void>;
}

/** Registers a modal submission with the same context and failure policy as every other listener. */
export function onView<T>(app: App, deps: ListenerDeps, callbackId: string, handler: ViewHandler<T>): void {
  routesOf(app).submit.add(callbackId, async ({ ack, body, view, client, context }) => {
    let built = requestContext(context, { userId: body.user.id, client }, deps.logger);
    let checked: ViewCheck<T>;
    try {
      checked = await handler.check(built.ctx, view);
    } catch (error) {
      const block = handler.errorBlock?.(view);
      if (block !== undefined) {
        const text = recordFailure(error, { ...deps, source: callbackId, saved: built.saved });
        await ack(errorsResponse({ [block]: text }));
        return;
      }
      await ack();
      await runWork(deps, callbackId, built, () => Promise.reject(error));
      return;
    }
    if ('errors' in checked) {
      await ack(errorsResponse(checked.errors));
      return;
    }
    if (!('ok' in checked)) {
      await ack({ response_action: 'update', view: checked.update });
      return;
    }
    if (checked.update) await ack({ response_action: 'update', view: checked.update });
    else await ack();
    if (!handler.after) return;
    const after = handler.after;
    if (checked.channelId) {
      const saved = built.saved;
      built = requestContext(
        context,
        { userId: body.user.id, channelId: checked.channelId, client },
        deps.logger,
      );
      for (const what of saved) built.ctx.saved(what);
    }
    const value = checked.ok;
    await runWork(deps, callbackId, built, () => after(built.ctx, value, view));
  });

  const closed = handler.closed;
  if (!closed) return;
  routesOf(app).closed.add(callbackId, async ({ ack, body, view, client, context }) => {
    await ack();
    const built = requestContext(context, { userId: body.user.id, client }, deps.logger);
    await runWork(deps, `${callbackId}_closed`, built, () => closed(built.ctx, view));
  });
}
