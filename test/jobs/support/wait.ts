import type { Queue } from 'bullmq';

/** Polls until the job reaches `state`, or fails the test after `timeoutMs`. */
export async function waitForState(queue: Queue, jobId: string, state: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'missing';
  let reason = '';
  while (Date.now() < deadline) {
    const job = await queue.getJob(jobId);
    last = job ? await job.getState() : 'missing';
    reason = job?.failedReason ? ` (${job.failedReason})` : '';
    // Fetched again: the state may have changed between reading the job and reading its state.
    const fresh = last === state ? await queue.getJob(jobId) : undefined;
    if (fresh) return fresh;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${jobId} is ${last}${reason}, not ${state}, after ${timeoutMs} ms`);
}

/** Polls until `check` returns true, or fails after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} not met within ${timeoutMs} ms`);
}
