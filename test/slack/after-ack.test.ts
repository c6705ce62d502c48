import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAfterAck, QUIET_MS } from '../../src/slack/after-ack.js';

/** Work that records its start and finishes only when told. */
function gate() {
  let started = 0;
  const releases: (() => void)[] = [];
  const work = () =>
    new Promise<void>((resolve) => {
      started++;
      releases.push(resolve);
    });
  return {
    work,
    started: () => started,
    finishAll: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}

const settle = (): Promise<unknown> =>
  vi.isFakeTimers() ? vi.advanceTimersByTimeAsync(0) : new Promise((resolve) => setImmediate(resolve));
/** Lets the quiet period after the last ack run out (fake timers). */
const quietPasses = () => vi.advanceTimersByTimeAsync(QUIET_MS);

afterEach(() => {
  vi.useRealTimers();
});

describe('the after-ack queue', () => {
  it('runs up to its concurrency at a time while no request waits for its ack', async () => {
    const queue = createAfterAck({ concurrency: 4 });
    const g = gate();
    const done = Array.from({ length: 6 }, () => queue.run(g.work));
    await settle();
    expect(g.started()).toBe(4);
    g.finishAll();
    await settle();
    expect(g.started()).toBe(6);
    g.finishAll();
    await Promise.all(done);
  });

  it('holds queued work while a request waits for its ack, and runs it once the ack is sent', async () => {
    vi.useFakeTimers();
    const queue = createAfterAck({ concurrency: 4, maxHoldMs: 60_000 });
    const g = gate();
    const answered = queue.awaitingAck();
    const done = [queue.run(g.work), queue.run(g.work)];
    await settle();
    expect(g.started()).toBe(0);
    answered();
    await quietPasses();
    expect(g.started()).toBe(2);
    g.finishAll();
    await Promise.all(done);
  });

  it('starts no new work while running work finishes under a request that arrived meanwhile', async () => {
    vi.useFakeTimers();
    const queue = createAfterAck({ concurrency: 4, maxHoldMs: 60_000 });
    const g = gate();
    queue.run(g.work);
    queue.run(g.work);
    await settle();
    expect(g.started()).toBe(2);
    const answered = queue.awaitingAck();
    queue.run(g.work);
    g.finishAll();
    await settle();
    expect(g.started()).toBe(2);
    answered();
    await quietPasses();
    expect(g.started()).toBe(3);
    g.finishAll();
    await queue.idle();
  });

  it('waits for every request in flight, and counts a request answered once however often it is told', async () => {
    vi.useFakeTimers();
    const queue = createAfterAck({ maxHoldMs: 60_000 });
    const g = gate();
    const first = queue.awaitingAck();
    const second = queue.awaitingAck();
    queue.run(g.work);
    first();
    first();
    await quietPasses();
    expect(g.started()).toBe(0);
    second();
    await quietPasses();
    expect(g.started()).toBe(1);
    g.finishAll();
    await queue.idle();
  });

  it('still starts one piece of work every maxHoldMs while requests keep arriving', async () => {
    vi.useFakeTimers();
    const queue = createAfterAck({ concurrency: 4, maxHoldMs: 1000 });
    const g = gate();
    const answered = queue.awaitingAck();
    for (let i = 0; i < 3; i++) queue.run(g.work);
    await vi.advanceTimersByTimeAsync(999);
    expect(g.started()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(g.started()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(g.started()).toBe(2);
    answered();
    await quietPasses();
    expect(g.started()).toBe(3);
    g.finishAll();
    await queue.idle();
  });

  it('resumes held work only once no request has waited for the quiet period', async () => {
    vi.useFakeTimers();
    const queue = createAfterAck({ concurrency: 4, maxHoldMs: 60_000 });
    const g = gate();
    const first = queue.awaitingAck();
    for (let i = 0; i < 3; i++) queue.run(g.work);
    first();
    // The next request of a burst arrives in the gap after an ack: the work keeps waiting.
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    const second = queue.awaitingAck();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(g.started()).toBe(0);
    second();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(g.started()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(g.started()).toBe(3);
    g.finishAll();
    await queue.idle();
  });
});
