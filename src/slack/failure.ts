import { escapeMrkdwn } from '../blocks/format.js';
import { ConflictError, InputError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/** The Web API client's refusal to open a modal whose trigger expired, which a person fixes by trying again. */
const EXPIRED_TRIGGER = /expired_trigger_id|exchanged_trigger_id/;

/** What a failed request tells the person, and whether it was theirs to fix (no error log then). */
export interface FailureAnswer {
  text: string;
  expected: boolean;
}

function savedNote(saved: readonly string[]): string {
  return saved.length === 0
    ? 'Nothing was saved.'
    : `Saved before it stopped, and kept: ${saved.join(', ')}.`;
}

/**
 * The one failure policy. Bad input, something that no longer exists and a change someone else made first are
 * the person's to resolve and get a message saying how; anything else failed on our side. Either way the answer
 * says what was saved, when the request had saved something before it failed.
 */
export function failureAnswer(error: unknown, saved: readonly string[] = []): FailureAnswer {
  const after = saved.length === 0 ? '' : `\n${savedNote(saved)}`;
  if (error instanceof InputError) {
    const lines = error.problems.map(
      (p) => `• ${escapeMrkdwn(p.path ? `${p.path}: ${p.message}` : p.message)}`,
    );
    return { text: `That did not work:\n${lines.join('\n')}\nFix it and try again.${after}`, expected: true };
  }
  if (error instanceof NotFoundError || error instanceof ConflictError)
    return { text: `${error.message}${after}`, expected: true };
  if (error instanceof Error && EXPIRED_TRIGGER.test(error.message))
    return { text: `Slack took too long to open the form; run the command again.${after}`, expected: true };
  return {
    text: `Sorry, that failed on our side. ${savedNote(saved)} Try again in a minute.`,
    expected: false,
  };
}

/** Counts and logs a failed request by the policy above and returns what to tell the person. */
export function recordFailure(
  error: unknown,
  context: { logger: Logger; metrics: Metrics; source: string; saved?: readonly string[] },
): string {
  const answer = failureAnswer(error, context.saved);
  context.metrics.errors.inc({ source: context.source });
  if (answer.expected)
    context.logger.info(
      { source: context.source, code: (error as { code?: unknown }).code },
      'request refused: the person can fix it',
    );
  else context.logger.error({ err: error, source: context.source }, 'request failed');
  return answer.text;
}

/** Logs a failed request and tells the person what happened, what was saved, and what to do. */
export async function replyToFailure(
  error: unknown,
  context: {
    reply: (message: { text: string }) => Promise<void>;
    logger: Logger;
    metrics: Metrics;
    source: string;
    saved?: readonly string[];
  },
): Promise<void> {
  const text = recordFailure(error, context);
  try {
    await context.reply({ text });
  } catch (error) {
    context.logger.error({ err: error }, 'could not tell the person about the failure');
  }
}
