import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { createStore, type Store } from '../../src/store/index.js';
import { expectNoSecrets } from './support/log-scan.js';
import { type Spawned, spawnEntry } from './support/processes.js';
import { freePort, type SuiteRedis, startRedis } from './support/redis-server.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
const CHANNEL = 'C0SALES001';
const TOKEN = 'xoxb-reliability-app-token';
const SECRET = 'reliability-app-signing-secret';
const PREFIX = 'relapp';

let redis: SuiteRedis;
let slack: SlackStandIn;
let app: Spawned;
let url: string;
let storeRedis: Redis;
let store: Store;

beforeAll(async () => {
  redis = await startRedis();
  slack = await SlackStandIn.start({
    signingSecret: SECRET,
    botToken: TOKEN,
    teamId: TEAM,
    botId: 'B0SALESOPS',
    botUserId: 'U0SALESOPS',
  });
  slack.addUser({ id: REP, name: 'ana', tz: 'Europe/Paris', email: 'ana@acme.test' });
  slack.addChannel({ id: CHANNEL, name: 'sales' });
  const port = await freePort();
  app = spawnEntry('app', {
    PORT: String(port),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: PREFIX,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_ID: 'B0SALESOPS',
    SLACK_BOT_USER_ID: 'U0SALESOPS',
    RUN_WORKERS: 'false',
    LOG_LEVEL: 'debug',
  });
  await app.waitFor('sales-ops is listening', 60_000);
  url = `http://127.0.0.1:${port}/slack/events`;
  slack.setAppUrl(url);
  storeRedis = new Redis(redis.url);
  storeRedis.on('error', () => undefined);
  store = createStore(storeRedis, { prefix: PREFIX });
});

afterAll(async () => {
  await app?.kill('SIGTERM');
  storeRedis?.disconnect();
  await slack?.stop();
  await redis?.stop();
  // Every line the app printed, at debug level, holds no token, secret or e-mail address.
  expectNoSecrets(app?.lines ?? [], [SECRET, TOKEN, 'ana@acme.test']);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stackLike = /\n\s+at |TypeError|ReferenceError|\[object Object\]|stack/;

function post(body: string, timestamp: string, secret: string, tamper = false) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
    body: tamper ? body.replace('help', 'pipeline') : body,
  });
}

describe('the app process', () => {
  it('answers every badly signed request with 401 and does nothing', async () => {
    const body = new URLSearchParams({
      command: '/sales-ops',
      text: 'help',
      team_id: TEAM,
      user_id: REP,
      channel_id: CHANNEL,
      response_url: `${slack.apiUrl.replace(/api\/$/, '')}commands/${TEAM}/1/x`,
      trigger_id: '1.2.3',
    }).toString();
    const now = () => Math.floor(Date.now() / 1000);
    const variant = fc.oneof(
      fc
        .integer({ min: 301, max: 3 * 86_400 })
        .map((s) => ({ ts: String(now() - s), secret: SECRET, tamper: false })),
      fc
        .integer({ min: 301, max: 3 * 86_400 })
        .map((s) => ({ ts: String(now() + s), secret: SECRET, tamper: false })),
      fc
        .integer({ min: -5000, max: 5000 })
        .map((ms) => ({ ts: String(Date.now() + ms), secret: SECRET, tamper: false })),
      fc.constant(0).map(() => ({ ts: String(now()), secret: SECRET, tamper: true })),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((s) => s !== SECRET)
        .map((secret) => ({ ts: String(now()), secret, tamper: false })),
      fc
        .string({ maxLength: 12 })
        .filter((s) => !/^\d{1,10}$/.test(s))
        .map((ts) => ({ ts, secret: SECRET, tamper: false })),
    );
    await fc.assert(
      fc.asyncProperty(variant, async ({ ts, secret, tamper }) => {
        const response = await post(body, ts, secret, tamper).catch(() => undefined);
        // A header Node cannot even send is refused before it leaves; anything sent must get 401.
        if (response) expect(response.status).toBe(401);
      }),
      { numRuns: 150 },
    );
    await sleep(300);
    expect(slack.responses()).toEqual([]);
    expect(slack.calls()).toEqual([]);
    // The same request, signed properly, is answered: the refusals above were the signatures'.
    expect((await post(body, String(now()), SECRET)).status).toBe(200);
  });

  it('answers 300 fuzzed slash commands without a 5xx or a stack trace', async () => {
    slack.reset();
    const texts = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.constantFrom(
          'qualify "🚀 Acme',
          'digest every 25:99',
          'import ../../etc/passwd',
          'ooo until never',
          'sequence start',
        ),
      ),
      300,
    );
    for (const text of texts) {
      const reply = await slack.sendSlashCommand({ text, userId: REP, channelId: CHANNEL });
      expect(reply.status).toBeLessThan(500);
      expect(JSON.stringify(reply.body ?? '')).not.toMatch(stackLike);
    }
    await sleep(1500);
    for (const response of slack.responses()) expect(JSON.stringify(response.body)).not.toMatch(stackLike);
    expect(slack.calls().every((c) => c.status < 500)).toBe(true);
  }, 120_000);

  it('handles app_uninstalled once, even retried after a reinstall', async () => {
    const envelope = {
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: slack.appId,
      event_id: 'Ev0RELUNINST',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled', event_ts: '1.000300' },
      authorizations: [{ team_id: TEAM, user_id: 'U0SALESOPS', is_bot: true, is_enterprise_install: false }],
    };
    const deliver = (retry?: number) => {
      const body = JSON.stringify(envelope);
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': ts,
          'x-slack-signature': signature,
          ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
        body,
      });
    };
    await store.profiles.save(TEAM, { business: 'Old Co', model: 'inside' }, { by: REP, at: new Date() });
    expect((await deliver()).status).toBe(200);
    await expect.poll(() => store.profiles.get(TEAM), { timeout: 5000 }).toBeUndefined();
    await store.profiles.save(TEAM, { business: 'New Co', model: 'inside' }, { by: REP, at: new Date() });
    for (const retry of [1, 2, 3]) expect((await deliver(retry)).status).toBe(200);
    await sleep(500);
    expect((await store.profiles.get(TEAM))?.intake.business).toBe('New Co');
  });
});
