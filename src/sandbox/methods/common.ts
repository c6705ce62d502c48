import { z } from 'zod';
import { describeIssues } from '../../blocks/limits.js';
import type { SandboxState } from '../state.js';
import type { Reply } from '../types.js';

/** What a method handler can see besides its arguments. */
export interface MethodContext {
  state: SandboxState;
  /** The stand-in's clock, in milliseconds. */
  now: number;
  /** Where the stand-in listens, e.g. `http://127.0.0.1:4000`. */
  baseUrl: string;
}

/** One Web API method: decoded arguments in, Slack's JSON reply out. */
export type MethodHandler = (args: Record<string, unknown>, ctx: MethodContext) => Reply;

/** A successful method result. */
export function ok(fields: Record<string, unknown> = {}): Reply {
  return { ok: true, ...fields };
}

/** A method error, optionally with Slack's `response_metadata.messages` explaining it. */
export function fail(error: string, messages?: string[]): Reply {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

/** Wraps a handler so its arguments are parsed first; bad arguments answer `invalid_arguments`. */
export function withArgs<S extends z.ZodType>(
  schema: S,
  handler: (args: z.infer<S>, ctx: MethodContext) => Reply,
): MethodHandler {
  return (args, ctx) => {
    const parsed = schema.safeParse(args);
    if (!parsed.success)
      return fail(
        'invalid_arguments',
        describeIssues(parsed.error.issues).map((p) => `[ERROR] ${p}`),
      );
    return handler(parsed.data, ctx);
  };
}

/** A boolean argument as Slack reads it from a form (`true`, `1`, `false`, `0`) or JSON. */
export const flag = z.preprocess((v) => {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0' || v === '') return false;
  return v;
}, z.boolean());

/** A whole-number argument, from a form string or a JSON number. */
export const int = z.coerce.number().int();

/** Message metadata as chat.postMessage takes it. */
export const metadataArg = z.object({
  event_type: z.string().min(1),
  event_payload: z.record(z.string(), z.unknown()),
});
