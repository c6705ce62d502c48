import type { Reply } from '../commands/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';
import { escapeMrkdwn } from './reply.js';

/**
 * Logs a failed request and tells the person: what was wrong and how to fix it when they can, otherwise that
 * it failed on our side and nothing was saved.
 */
export async function replyToFailure(
  error: unknown,
  context: { reply: Reply; logger: Logger; metrics: Metrics; source: string },
): Promise<void> {
  context.metrics.errors.inc({ source: context.source });
  if (error instanceof InputError) {
    context.logger.info(
      { source: context.source, problems: error.problems.length },
      'request refused: bad input',
    );
    const lines = error.problems.map(
      (p) => `• ${escapeMrkdwn(p.path ? `${p.path}: ${p.message}` : p.message)}`,
    );
    await safely(context, `That did not work:\n${lines.join('\n')}\nFix it and try again.`);
    return;
  }
  context.logger.error({ err: error, source: context.source }, 'request failed');
  await safely(context, 'Sorry, that failed on our side and nothing was saved. Try again in a minute.');
}

async function safely(context: { reply: Reply; logger: Logger }, text: string): Promise<void> {
  try {
    await context.reply({ text });
  } catch (error) {
    context.logger.error({ err: error }, 'could not tell the person about the failure');
  }
}
