import { ConflictError, NotFoundError } from '../../errors.js';
import type { Reply } from '../types.js';

/** The Web API client's refusal to open a modal whose trigger expired, which a person fixes by trying again. */
const EXPIRED_TRIGGER = /expired_trigger_id|exchanged_trigger_id/;

/**
 * Answers the failures a person causes or can resolve (a lead already enrolled, a sequence that does not
 * exist) with their own message; returns false for anything else, which the caller's handler reports.
 */
export async function replyToKnownFailure(error: unknown, reply: Reply): Promise<boolean> {
  if (error instanceof ConflictError || error instanceof NotFoundError) {
    await reply({ text: error.message });
    return true;
  }
  if (error instanceof Error && EXPIRED_TRIGGER.test(error.message)) {
    await reply({ text: 'Slack took too long to open the form; run the command again.' });
    return true;
  }
  return false;
}

/** The answer when this process runs without the job queue (tests and tools that do not wire it). */
export const NO_FOLLOWUPS =
  'Follow-up sequences need the job queue, which is not connected in this process. Start the app with Redis (`npm start`) and try again.';
