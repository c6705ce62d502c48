import type { Logger } from '../logger.js';
import type { Queues } from './queues.js';

/**
 * Gives each queue an `error` listener that logs one JSON line. Without one, every error of the queue's
 * connection (Redis restarting, unreachable) is printed by Node as a multi-line dump outside the log.
 */
export function logQueueErrors(queues: Pick<Queues, 'reminders' | 'sender'>, logger: Logger): void {
  for (const queue of [queues.reminders, queues.sender]) {
    queue.on('error', (error: Error) =>
      logger.warn({ queue: queue.name, err: { message: error.message, code: codeOf(error) } }, 'queue error'),
    );
  }
}

const codeOf = (error: Error): unknown => (error as { code?: unknown }).code;
