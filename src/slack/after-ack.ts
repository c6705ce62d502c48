import { createRequire } from 'node:module';
import type PQueueClass from 'p-queue';

// p-queue 6 is CommonJS with its class on `exports.default`; Node's ESM import and bundlers disagree on
// where that lands, and require() gives the same exports everywhere.
const { default: PQueue } = createRequire(import.meta.url)('p-queue') as {
  default: typeof PQueueClass.default;
};

/** Commands run after their ack at most this many at a time. */
export const AFTER_ACK_CONCURRENCY = 4;

/** Runs the work that follows an ack, a few at a time. */
export interface AfterAck {
  run(work: () => Promise<void>): Promise<void>;
}

/**
 * The in-process queue commands run in after their ack. Without it every acked request starts its work at
 * once and that work fills the event loop, so the acks of the requests behind it wait; bounded, the event
 * loop stays free to read and ack new requests, and the work waits its turn (replies go through response_url,
 * which stays valid for 30 minutes).
 */
export function createAfterAck(concurrency = AFTER_ACK_CONCURRENCY): AfterAck {
  const queue = new PQueue({ concurrency });
  return { run: (work) => queue.add(work) };
}
