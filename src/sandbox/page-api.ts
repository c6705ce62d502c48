import { z } from 'zod';
import type { SlackStandIn } from './stand-in.js';
import type { TimeTravel } from './time-travel.js';
import type { AppReply } from './types.js';
import { type FieldValue, SubmissionRejectedError } from './view-state.js';

/** What the page answers a person's action with: done, a problem to show, or inline problems per field. */
export type ApiResult =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: string; problems?: Record<string, string> };

const user = z.string().regex(/^U[A-Z0-9]+$/, 'must be a user id');
const fileValue = z.object({ name: z.string().min(1), base64: z.string() });
const fieldValue = z.union([z.string(), z.number(), z.null(), z.array(z.string()), z.array(fileValue)]);

const schemas = {
  command: z.object({ user, channel: z.string().min(1), text: z.string().max(4000) }),
  action: z.object({
    user,
    actionId: z.string().min(1),
    blockId: z.string().optional(),
    value: z.union([z.string(), z.array(z.string())]).optional(),
    message: z.object({ channel: z.string(), ts: z.string() }).optional(),
    viewId: z.string().optional(),
  }),
  submit: z.object({ user, viewId: z.string().min(1), values: z.record(z.string(), fieldValue) }),
  close: z.object({ user, viewId: z.string().min(1) }),
  home: z.object({ user }),
  'fast-forward': z.object({}),
};

export type ApiName = keyof typeof schemas;
export const API_NAMES = Object.keys(schemas) as ApiName[];

const COMMAND = '/sales-ops';

/** How Slack's client reports an app that did not answer a request properly. */
function appProblem(reply: AppReply): ApiResult | undefined {
  if (reply.status === 200 && reply.elapsedMs <= 3000) return undefined;
  const why = reply.status === 200 ? 'operation_timeout' : `http_error (${reply.status})`;
  return {
    ok: false,
    error: `sales-ops did not answer in time: ${why}. Check the terminal running the sandbox.`,
  };
}

function asFieldValues(values: Record<string, z.output<typeof fieldValue>>): Record<string, FieldValue> {
  return Object.fromEntries(
    Object.entries(values).map(([blockId, v]) => [
      blockId,
      Array.isArray(v) && v.some((f) => typeof f === 'object')
        ? (v as { name: string; base64: string }[]).map((f) => ({
            name: f.name,
            content: Buffer.from(f.base64, 'base64'),
          }))
        : (v as FieldValue),
    ]),
  );
}

/** Runs one action of the page against the stand-in (which signs it for the app) or the job queue. */
export async function runApi(
  deps: { slack: SlackStandIn; timeTravel: TimeTravel },
  name: ApiName,
  body: unknown,
): Promise<ApiResult> {
  const { slack } = deps;
  switch (name) {
    case 'command': {
      const input = schemas.command.parse(body);
      const text = input.text.trim();
      const [word = ''] = text.split(/\s+/);
      if (word !== COMMAND)
        return {
          ok: false,
          error: `${word || 'An empty message'} is not something this sandbox can send: type a command such as \`/sales-ops help\`.`,
        };
      const reply = await slack.sendSlashCommand({
        userId: input.user,
        channelId: input.channel,
        text: text.slice(COMMAND.length).trim(),
      });
      return appProblem(reply) ?? { ok: true };
    }
    case 'action': {
      const input = schemas.action.parse(body);
      const reply = await slack.sendBlockAction({
        userId: input.user,
        actionId: input.actionId,
        ...(input.blockId !== undefined && { blockId: input.blockId }),
        ...(input.value !== undefined && { value: input.value }),
        ...(input.message !== undefined && { message: input.message }),
        ...(input.viewId !== undefined && { viewId: input.viewId }),
      });
      return appProblem(reply) ?? { ok: true };
    }
    case 'submit': {
      const input = schemas.submit.parse(body);
      try {
        const reply = await slack.sendViewSubmission({
          userId: input.user,
          view: input.viewId,
          values: asFieldValues(input.values),
        });
        return appProblem(reply) ?? { ok: true };
      } catch (error) {
        // Slack's client checks required fields and lengths itself and never sends such a form.
        if (error instanceof SubmissionRejectedError)
          return { ok: false, error: 'Some fields need attention', problems: error.problems };
        throw error;
      }
    }
    case 'close': {
      const input = schemas.close.parse(body);
      const reply = await slack.closeView(input.user, input.viewId);
      return (reply && appProblem(reply)) ?? { ok: true };
    }
    case 'home': {
      const input = schemas.home.parse(body);
      const reply = await slack.sendAppHomeOpened(input.user);
      return appProblem(reply) ?? { ok: true };
    }
    case 'fast-forward': {
      const promoted = await deps.timeTravel.fastForward();
      if (promoted.length === 0)
        return { ok: false, error: 'Nothing is scheduled yet, so there is nothing to skip to.' };
      return { ok: true, promoted };
    }
  }
}

/** Turns a bad request into the message the page shows. */
export function apiError(error: unknown): ApiResult {
  if (error instanceof z.ZodError)
    return { ok: false, error: `The page sent a request the sandbox cannot read: ${z.prettifyError(error)}` };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
