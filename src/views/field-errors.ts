import type { ViewErrorsResponseAction } from '@slack/bolt';
import { z } from 'zod';

/** One message per input block, keyed by block id, for `response_action: 'errors'`. */
export type FieldErrors = Record<string, string>;

/**
 * The first message per block id of a zod error from a view schema whose keys are the block ids, so the
 * person sees one thing to fix under each input.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const [blockId, messages] of Object.entries(z.flattenError(error).fieldErrors)) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) out[blockId] = first;
  }
  return out;
}

/** The `ack` that keeps the modal open and shows each message under its input block. */
export function errorsResponse(errors: FieldErrors): ViewErrorsResponseAction {
  return { response_action: 'errors', errors };
}
