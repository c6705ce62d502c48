import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { createAfterAck } from '../jobs/after-ack.js';
import { abtest } from './abtest.js';
import { crm } from './crm.js';
import { design } from './design.js';
import { digest } from './digest.js';
import { replyToFailure } from './failure.js';
import { help, QUICK_ACTION_IDS, SLASH_COMMAND } from './help.js';
import { icp } from './icp/index.js';
import { importCsv } from './import.js';
import { ooo } from './ooo.js';
import { pipeline } from './pipeline.js';
import { qualify } from './qualify.js';
import { replyWithModal, replyWithRespond } from './reply.js';
import { type Route, routeCommand, type SubcommandName } from './router.js';
import { sequence } from './sequence.js';
import { suggestionMessage } from './suggest.js';
import type { CommandDeps, CommandHandler, CommandRequest, Reply } from './types.js';

export { QUICK_ACTION_IDS, SLASH_COMMAND } from './help.js';
export { type Route, routeCommand, SUBCOMMANDS, type SubcommandName } from './router.js';
export type { CommandDeps, CommandHandler, CommandRequest, OpenIntake, OpenIntakeArgs } from './types.js';

/** The handler of each subcommand; replace an entry to ship a feature. */
export const HANDLERS: Record<SubcommandName, CommandHandler> = {
  help,
  design,
  pipeline,
  crm,
  qualify,
  sequence,
  digest,
  import: importCsv,
  icp,
  abtest,
  ooo,
};

const QUICK_ACTION_ROUTES: Record<string, SubcommandName> = {
  [QUICK_ACTION_IDS.design]: 'design',
  [QUICK_ACTION_IDS.qualify]: 'qualify',
  [QUICK_ACTION_IDS.pipeline]: 'pipeline',
  [QUICK_ACTION_IDS.crm]: 'crm',
};

/** Runs one routed request, turning any failure into a reply the person can act on. */
export async function dispatch(route: Route, request: CommandRequest, deps: CommandDeps): Promise<void> {
  deps.metrics.commands.inc({ name: route.name });
  try {
    if (route.name === 'suggest') await request.reply(suggestionMessage(route));
    else await HANDLERS[route.name](request, deps);
  } catch (error) {
    await replyToFailure(error, {
      reply: request.reply,
      logger: deps.logger,
      metrics: deps.metrics,
      source: route.name,
    });
  }
}

function replyFor(respond: RespondFn | undefined, client: WebClient, triggerId: string | undefined): Reply {
  if (respond) return replyWithRespond(respond);
  if (triggerId) return replyWithModal(client, triggerId);
  return async () => {
    throw new Error('this request has neither a response_url nor a trigger_id to answer with');
  };
}

/** Registers `/sales-ops` and the quick action buttons that lead to the same subcommands. */
export function register(app: App, deps: CommandDeps): void {
  const afterAck = createAfterAck();
  app.command(SLASH_COMMAND, async ({ ack, command, client, respond }) => {
    // Slack allows 3 seconds for the ack; everything after it waits its turn in a bounded queue, so under
    // load it never holds up the acks of later requests, and answers via respond().
    await ack();
    const route = routeCommand(command.text);
    await afterAck.run(() =>
      dispatch(
        route,
        {
          teamId: command.team_id,
          userId: command.user_id,
          channelId: command.channel_id,
          triggerId: command.trigger_id,
          args: route.args,
          ...('business' in route && route.business !== undefined ? { business: route.business } : {}),
          client,
          reply: replyWithRespond(respond),
        },
        deps,
      ),
    );
  });

  for (const [actionId, name] of Object.entries(QUICK_ACTION_ROUTES)) {
    app.action<BlockAction>(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const teamId = body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '';
      await dispatch(
        { name, args: '' },
        {
          teamId,
          userId: body.user.id,
          ...(body.channel?.id ? { channelId: body.channel.id } : {}),
          triggerId: body.trigger_id,
          args: '',
          client,
          reply: replyFor(body.response_url ? respond : undefined, client, body.trigger_id),
        },
        deps,
      );
    });
  }
}
