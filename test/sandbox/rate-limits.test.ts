import { ErrorCode } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { clientFor, movableClock, slackError, startWorkspace } from './fixtures.js';

const clock = movableClock();
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startWorkspace({ clock: clock.now });
});
beforeEach(() => {
  standIn.reset();
  standIn.setChannelPace(false);
});
afterAll(() => standIn.stop());

describe('injected faults', () => {
  it('answers HTTP 429 with Retry-After and ratelimited, once', async () => {
    standIn.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const client = clientFor(standIn, standIn.botToken, { rejectRateLimitedCalls: true });
    await expect(client.chat.postMessage({ channel: 'C0SALES', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    expect(standIn.calls('chat.postMessage')[0]).toMatchObject({
      status: 429,
      response: { ok: false, error: 'ratelimited' },
    });
    await expect(client.chat.postMessage({ channel: 'C0SALES', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('sends the Retry-After header and body Slack sends', async () => {
    standIn.failNext('users.info', { status: 429, retryAfter: 3 });
    const response = await fetch(`${standIn.apiUrl}users.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${standIn.botToken}` },
      body: new URLSearchParams({ user: 'U0ANA' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('lets the real client wait out Retry-After and retry', async () => {
    standIn.failNext('auth.test', { status: 429, retryAfter: 1 });
    const client = clientFor(standIn, standIn.botToken, {
      retryConfig: { retries: 1, factor: 1, minTimeout: 0 },
    });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    expect(standIn.calls('auth.test').map((c) => c.status)).toEqual([429, 200]);
  });

  it('meets the same random faults in the same order when two runs share a fault seed', async () => {
    const statuses = async (seed: string) => {
      const seeded = await startWorkspace({ faultSeed: seed });
      try {
        seeded.setFaultRates('chat.postMessage', { rateLimit: 0.3 });
        const client = clientFor(seeded, seeded.botToken, { rejectRateLimitedCalls: true });
        for (let i = 0; i < 30; i += 1)
          await client.chat.postMessage({ channel: 'C0SALES', text: 'x' }).catch(() => {});
        return seeded.calls('chat.postMessage').map((c) => c.status);
      } finally {
        await seeded.stop();
      }
    };
    const first = await statuses('storm');
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await statuses('storm')).toEqual(first);
    expect(await statuses('another storm')).not.toEqual(first);
  });

  it('answers a queued method error with HTTP 200 and ok: false', async () => {
    standIn.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await slackError(clientFor(standIn).chat.postMessage({ channel: 'C0SALES', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(standIn.calls('chat.postMessage')[0]?.status).toBe(200);
  });
});

describe('per-channel pace', () => {
  it('rate-limits a second post to the same channel within a second', async () => {
    standIn.setChannelPace(true);
    const client = clientFor(standIn, standIn.botToken, { rejectRateLimitedCalls: true });
    await client.chat.postMessage({ channel: 'C0SALES', text: 'one' });
    await expect(client.chat.postMessage({ channel: 'C0SALES', text: 'two' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    await expect(client.chat.postMessage({ channel: 'U0ANA', text: 'elsewhere' })).resolves.toMatchObject({
      ok: true,
    });
    clock.advance(1000);
    await expect(client.chat.postMessage({ channel: 'C0SALES', text: 'two' })).resolves.toMatchObject({
      ok: true,
    });
    expect(standIn.messages('C0SALES').map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('does not pace when the option is off', async () => {
    const client = clientFor(standIn);
    await client.chat.postMessage({ channel: 'C0SALES', text: 'one' });
    await expect(client.chat.postMessage({ channel: 'C0SALES', text: 'two' })).resolves.toMatchObject({
      ok: true,
    });
  });
});
