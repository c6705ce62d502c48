import { describe, expect, it } from 'vitest';
import { createProgressUpdater } from '../../../src/commands/import/progress.js';

function setup() {
  let clock = 0;
  const sent: number[] = [];
  const pending: (() => void)[] = [];
  const updater = createProgressUpdater({
    minIntervalMs: 1000,
    minRows: 500,
    now: () => clock,
    update: (rows) =>
      new Promise<void>((resolve) => {
        sent.push(rows);
        pending.push(resolve);
      }),
    onError: () => undefined,
  });
  const finish = async () => {
    for (const resolve of pending.splice(0)) resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { updater, sent, finish, tick: (ms: number) => (clock += ms) };
}

describe('import progress updates', () => {
  it('updates at most once a second and only after another batch of rows', async () => {
    const { updater, sent, finish, tick } = setup();
    updater.report(500);
    expect(sent).toEqual([]);
    tick(1000);
    updater.report(1000);
    expect(sent).toEqual([1000]);
    await finish();
    tick(400);
    updater.report(1500);
    tick(700);
    updater.report(1400);
    expect(sent).toEqual([1000]);
    updater.report(1500);
    expect(sent).toEqual([1000, 1500]);
  });

  it('never sends two at once, and stop waits for the one in flight so it cannot land after the result', async () => {
    const { updater, sent, finish, tick } = setup();
    tick(1000);
    updater.report(500);
    tick(5000);
    updater.report(5000);
    expect(sent).toEqual([500]);
    let stopped = false;
    const stopping = updater.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    await finish();
    await stopping;
    tick(5000);
    updater.report(9000);
    expect(sent).toEqual([500]);
  });

  it('reports a failed update and carries on', async () => {
    const errors: unknown[] = [];
    let clock = 0;
    const updater = createProgressUpdater({
      minIntervalMs: 0,
      minRows: 1,
      now: () => clock++,
      update: async () => {
        throw new Error('ratelimited');
      },
      onError: (error) => errors.push(error),
    });
    updater.report(10);
    await updater.stop();
    expect(errors).toHaveLength(1);
  });
});
