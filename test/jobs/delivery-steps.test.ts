import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliverySteps, type DeliverySteps } from '../../src/jobs/delivery-steps.js';
import { createChannelPace } from '../../src/jobs/pace.js';
import { createDeliveryLedger } from '../../src/store/deliveries.js';
import { followupKeys } from '../../src/store/enrolments-keys.js';
import { createKeys } from '../../src/store/keys.js';
import { createAbCounters } from '../../src/store/sequences-ab.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const INTERVAL = 400;
const TEAM = 'T0SALESOPS';
const CHANNEL = 'C0SALES001';
let redis: ReturnType<typeof openTestRedis>;
let prefix: string;
let steps: DeliverySteps;

beforeEach(() => {
  redis = openTestRedis();
  prefix = randomPrefix();
  steps = createDeliverySteps(redis, followupKeys(createKeys(prefix)), INTERVAL);
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

const prepare = (key: string, heldSlot?: number, aheadMs?: number) =>
  steps.prepare({ teamId: TEAM, channel: CHANNEL, key, nowMs: 1_700_000_000_000, heldSlot, aheadMs });
const ANSWER = { channel: CHANNEL, ts: '1700000000.000100' };

describe("the sender's steps around one post", () => {
  it('takes a free slot and claims the delivery in one step, and paces the next post behind it', async () => {
    const first = await prepare('d1');
    expect(first).toEqual({
      state: 'claimed',
      fresh: true,
      record: { state: 'claimed', claimedAt: 1_700_000_000_000 },
      postInMs: 0,
    });
    const second = await prepare('d2');
    expect(second.state).toBe('paced');
    if (second.state !== 'paced') return;
    expect(second.reservation.waitMs).toBeGreaterThan(INTERVAL / 2);
    // Nothing was claimed for the post that has to wait.
    const ledger = createDeliveryLedger(redis, followupKeys(createKeys(prefix)));
    expect(await ledger.get(TEAM, 'd2')).toBeUndefined();
  });

  it('records the answer and the post once, with its A/B send, and spaces the next post from the answer', async () => {
    await prepare('d1');
    const message = { channel: CHANNEL, ts: '1700000000.000100' };
    const ab = { stepKey: 'default#1', variant: 'single' };
    expect(await steps.record(TEAM, CHANNEL, 'd1', message, ab)).toBe(true);
    expect(await steps.record(TEAM, CHANNEL, 'd1', message, ab)).toBe(false);
    const counts = await createAbCounters(redis, followupKeys(createKeys(prefix))).list(TEAM);
    expect(counts).toEqual([{ stepKey: 'default#1', variants: { single: { sends: 1, replies: 0 } } }]);
    const next = await prepare('d2');
    expect(next.state).toBe('paced');
    if (next.state === 'paced') expect(next.reservation.waitMs).toBeGreaterThan(INTERVAL - 100);
  });

  it('finds a delivery posted already and reserves nothing for it', async () => {
    await prepare('d1');
    await steps.record(TEAM, CHANNEL, 'd1', { channel: CHANNEL, ts: '1700000000.000100' });
    // The channel's slot is free again (as a later post would find it), and a re-run of d1 must not take it.
    const pace = createChannelPace(redis, followupKeys(createKeys(prefix)), INTERVAL);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL + 50));
    expect(await prepare('d1')).toEqual({ state: 'posted', channel: CHANNEL, ts: '1700000000.000100' });
    expect((await pace.reserve(TEAM, CHANNEL)).waitMs).toBe(0);
  });

  it('grants the next slot for when the channel is free again once the last post was answered, not while it is in flight', async () => {
    await prepare('d1');
    // d1 is on its way to Slack: when it lands is unknown, so d2 waits and asks again.
    const inFlight = await prepare('d2', undefined, 2 * INTERVAL);
    if (inFlight.state !== 'paced') throw new Error(`d2 was ${inFlight.state}, not paced`);
    const slot = inFlight.reservation.slot;
    await steps.record(TEAM, CHANNEL, 'd1', ANSWER);
    // Answered: the channel is free an interval after the answer, so d2 is granted for then, and claimed.
    const granted = await prepare('d2', slot, 2 * INTERVAL);
    expect(granted).toMatchObject({ state: 'claimed', fresh: true });
    if (granted.state !== 'claimed') return;
    expect(granted.postInMs).toBeGreaterThan(INTERVAL - 100);
    expect(granted.postInMs).toBeLessThanOrEqual(INTERVAL);
    // d2 now counts as in flight, a slot behind it is not granted ahead, and a wait beyond `aheadMs` never is.
    const behind = await prepare('d3', undefined, 3 * INTERVAL);
    if (behind.state !== 'paced') throw new Error(`d3 was ${behind.state}, not paced`);
    await steps.record(TEAM, CHANNEL, 'd2', ANSWER);
    expect((await prepare('d3', behind.reservation.slot, INTERVAL / 2)).state).toBe('paced');
    expect((await prepare('d3', behind.reservation.slot, 2 * INTERVAL)).state).toBe('claimed');
  });
});
