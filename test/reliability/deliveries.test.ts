import { afterEach, describe, expect, it } from 'vitest';
import { postJobId } from '../../src/jobs/ids.js';
import { type DeliveryRig, duplicates, openRig, SIGNING_SECRET, TOKEN } from './support/deliveries.js';
import { expectNoSecrets } from './support/log-scan.js';

let rig: DeliveryRig | undefined;
afterEach(async () => {
  // Every line the workers printed holds no token or secret.
  expectNoSecrets(rig?.workers.flatMap((w) => w.lines) ?? [], [TOKEN, SIGNING_SECRET]);
  await rig?.close();
  rig = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reminders through crashes and a misbehaving Slack', () => {
  it('delivers 200 reminders exactly once while the worker is SIGKILLed again and again', async () => {
    rig = await openRig({ reps: 40 });
    const keys = await rig.enqueue(200);
    let worker = await rig.startWorker();
    let kills = 0;
    while (kills < 4 && rig.seen().size < keys.length) {
      await sleep(1200);
      await worker.kill('SIGKILL');
      kills += 1;
      worker = await rig.startWorker();
    }
    await rig.waitDelivered(keys, 90_000);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(duplicates(rig.seen())).toEqual([]);
    expect(rig.seen().size).toBe(200);
  }, 150_000);

  it('delivers exactly once when Slack loses 10% of answers and answers 503 to 10% after posting', async () => {
    rig = await openRig();
    rig.slack.setFaultRates('chat.postMessage', { lose: 0.1, unavailable: 0.1 });
    const keys = await rig.enqueue(100);
    await rig.startWorker();
    await rig.waitDelivered(keys, 90_000);
    await sleep(500);
    const faulted = rig.slack.calls('chat.postMessage').filter((c) => c.status !== 200);
    expect(faulted.length).toBeGreaterThan(5);
    expect(duplicates(rig.seen())).toEqual([]);
    expect(rig.seen().size).toBe(100);
  }, 120_000);

  it('loses nothing when Redis restarts with AOF in the middle of the deliveries', async () => {
    rig = await openRig({ aof: true });
    const keys = await rig.enqueue(80);
    await rig.startWorker();
    const { seen } = rig;
    const started = Date.now();
    while (seen().size < 20 && Date.now() - started < 30_000) await sleep(100);
    await rig.redis.restart();
    await rig.waitDelivered(keys, 90_000);
    expect(duplicates(rig.seen())).toEqual([]);
    expect(rig.seen().size).toBe(80);
  }, 150_000);

  it('rides out a 30% 429 storm: nothing lost, no attempt spent, one post per second per channel', async () => {
    rig = await openRig({ reps: 10 });
    rig.slack.setChannelPace(true);
    rig.slack.setFaultRates('chat.postMessage', { rateLimit: 0.3, retryAfter: 1 });
    const keys = await rig.enqueue(40);
    await rig.startWorker();
    await rig.waitDelivered(keys, 90_000);
    const calls = rig.slack.calls('chat.postMessage');
    expect(calls.filter((c) => c.status === 429).length).toBeGreaterThan(5);
    expect(duplicates(rig.seen())).toEqual([]);
    const byChannel = new Map<string, number[]>();
    for (const call of calls.filter((c) => c.status === 200)) {
      const channel = String(call.args.channel);
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), call.at]);
    }
    for (const times of byChannel.values()) {
      for (let i = 1; i < times.length; i += 1) {
        expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
      }
    }
    for (const key of keys) {
      const job = await rig.followups.queues.sender.getJob(postJobId(key));
      expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
    }
  }, 120_000);
});
