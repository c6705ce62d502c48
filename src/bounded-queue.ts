import { createRequire } from 'node:module';
import type PQueueClass from 'p-queue';

// p-queue 6 is CommonJS with its class on `exports.default`; Node's ESM import and bundlers disagree on
// where that lands, and require() gives the same exports everywhere.
const { default: PQueue } = createRequire(import.meta.url)('p-queue') as {
  default: typeof PQueueClass.default;
};

/** An in-process queue that runs at most `concurrency` pieces of async work at once (p-queue). */
export type BoundedQueue = InstanceType<typeof PQueue>;

export function boundedQueue(concurrency: number): BoundedQueue {
  return new PQueue({ concurrency });
}
