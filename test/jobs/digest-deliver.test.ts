import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliverySteps, type DeliverySteps } from '../../src/jobs/delivery-steps.js';
import { deliverOnce } from '../../src/jobs/digest-deliver.js';
import { createChannelPace } from '../../src/jobs/pace.js';
import { createDeliveryLedger } from '../../src/store/deliveries.js';
import { followupKeys } from '../../src/store/enrolments-keys.js';
import { createKeys } from '../../src/store/keys.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const TEAM = 'T0SALESOPS';
const CHANNEL = 'C0SALES001';
/** How long Redis's answer to the prepare step takes to come back here, on purpose. */
const SLOW_REPLY_MS = 60;

let redis: ReturnType<typeof openTestRedis>;
let prefix: string;

beforeEach(() => {
  redis = openTestRedis();
  prefix = randomPrefix();
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

describe('a post prepared ahead of its instant', () => {
  it('goes out no earlier than the instant Redis granted, counted from Redis’s reply', async () => {
    const k = followupKeys(createKeys(prefix));
    const steps = createDeliverySteps(redis, k);
    // The step's reply is slow to arrive: Redis ran it, and so counted the distance to the instant, late.
    const slow: DeliverySteps = {
      prepare: async (input) => {
        const asked = Date.now();
        const step = await steps.prepare(input);
        await new Promise((resolve) => setTimeout(resolve, SLOW_REPLY_MS - (Date.now() - asked)));
        return step;
      },
      record: steps.record,
    };
    const notBefore = Date.now() + 150;
    let sentAt = 0;
    const delivered = await deliverOnce({
      ledger: createDeliveryLedger(redis, k),
      pace: createChannelPace(redis, k),
      steps: slow,
      teamId: TEAM,
      channel: CHANNEL,
      key: 'd1',
      notBefore,
      find: async () => undefined,
      send: async () => {
        sentAt = Date.now();
        return { channel: CHANNEL, ts: '1.0' };
      },
    });
    expect(delivered.status).toBe('posted');
    expect(sentAt).toBeGreaterThanOrEqual(notBefore + SLOW_REPLY_MS);
    expect(sentAt).toBeLessThan(notBefore + SLOW_REPLY_MS + 100);
  });
});
