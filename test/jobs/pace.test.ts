import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChannelPace, createChannelPace } from '../../src/jobs/pace.js';
import { followupKeys } from '../../src/store/enrolments-keys.js';
import { createKeys } from '../../src/store/keys.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const INTERVAL = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let redis: ReturnType<typeof openTestRedis>;
let prefix: string;
let pace: ChannelPace;

beforeEach(() => {
  redis = openTestRedis();
  prefix = randomPrefix();
  pace = createChannelPace(redis, followupKeys(createKeys(prefix)), INTERVAL);
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

/** Asks for the slot it holds until it may post, as a delayed job does; returns when it posted. */
async function postWith(held: number): Promise<number> {
  let slot = held;
  for (;;) {
    const r = await pace.reserve('T1', 'C1', slot);
    if (r.waitMs === 0) return Date.now();
    slot = r.slot;
    await sleep(r.waitMs);
  }
}

describe('channel pace', () => {
  it('spaces posts by the time they really went out, not by the slots they were given', async () => {
    expect((await pace.reserve('T1', 'C1')).waitMs).toBe(0);
    const a = await pace.reserve('T1', 'C1');
    const b = await pace.reserve('T1', 'C1');
    expect(a.waitMs).toBeGreaterThan(0);
    // A's worker restarts and wakes late, just before B's slot; B wakes on time.
    await sleep(b.slot - a.slot + a.waitMs - 60);
    const postedA = await postWith(a.slot);
    const postedB = await postWith(b.slot);
    expect(postedB - postedA).toBeGreaterThanOrEqual(INTERVAL - 80);
  });
});
