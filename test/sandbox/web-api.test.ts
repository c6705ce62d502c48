import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { clientFor, mrkdwnSection, platformError, slackError, startWorkspace } from './fixtures.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startWorkspace();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.stop());

describe('authentication', () => {
  it("answers auth.test with the workspace's and the bot's ids", async () => {
    const result = await clientFor(standIn).auth.test();
    expect(result).toMatchObject({
      ok: true,
      team_id: standIn.teamId,
      user_id: standIn.botUserId,
      bot_id: standIn.botId,
    });
  });

  it('refuses a call without a token with not_authed', async () => {
    expect(await slackError(clientFor(standIn, '').auth.test())).toBe('not_authed');
  });

  it('refuses an unknown token with invalid_auth', async () => {
    expect(await slackError(clientFor(standIn, 'xoxb-someone-else').auth.test())).toBe('invalid_auth');
  });

  it('answers an unknown method with unknown_method, HTTP 200', async () => {
    expect(await slackError(clientFor(standIn).apiCall('chat.teleport'))).toBe('unknown_method');
    expect(standIn.calls('chat.teleport')[0]?.status).toBe(200);
  });

  it('reads the token from a form field and JSON-encoded blocks from form fields', async () => {
    const blocks = JSON.stringify([mrkdwnSection('*hi*')]);
    const body = new URLSearchParams({ token: standIn.botToken, channel: 'C0SALES', text: 'hi', blocks });
    const response = await fetch(`${standIn.apiUrl}chat.postMessage`, { method: 'POST', body });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0SALES' });
    expect(standIn.messages('C0SALES')[0]?.blocks?.[0]).toMatchObject(mrkdwnSection('*hi*'));
  });

  it('takes JSON bodies only with the token in the Authorization header', async () => {
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${standIn.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    expect(
      await post({ authorization: `Bearer ${standIn.botToken}` }, { channel: 'C0SALES', text: 'hi' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await post({}, { token: standIn.botToken, channel: 'C0SALES', text: 'hi' })).toEqual({
      ok: false,
      error: 'not_authed',
    });
  });
});

describe('chat.postMessage', () => {
  it('returns ts, channel and the message, and records the call and the message', async () => {
    const result = await clientFor(standIn).chat.postMessage({ channel: 'C0SALES', text: 'Pipeline ready' });
    expect(result).toMatchObject({
      ok: true,
      channel: 'C0SALES',
      message: { text: 'Pipeline ready', ts: result.ts },
    });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(standIn.messages('C0SALES')).toEqual([
      expect.objectContaining({ ts: result.ts, ephemeral: false }),
    ]);
    expect(standIn.calls('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'C0SALES',
      text: 'Pipeline ready',
    });
  });

  it('threads a reply under its parent with thread_ts', async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: 'C0SALES', text: 'Blueprint' });
    const reply = await client.chat.postMessage({
      channel: 'C0SALES',
      text: 'Part 2',
      thread_ts: parent.ts ?? '',
    });
    expect(reply.message?.thread_ts).toBe(parent.ts);
    const thread = await client.conversations.replies({ channel: 'C0SALES', ts: parent.ts ?? '' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['Blueprint', 'Part 2']);
    expect(thread.messages?.[0]?.reply_count).toBe(1);
  });

  it('refuses a thread_ts that names no message with thread_not_found', async () => {
    const call = clientFor(standIn).chat.postMessage({
      channel: 'C0SALES',
      text: 'x',
      thread_ts: '1.000001',
    });
    expect(await slackError(call)).toBe('thread_not_found');
  });

  it('answers not_in_channel where the bot is not a member and channel_not_found for unknown channels', async () => {
    const client = clientFor(standIn);
    expect(await slackError(client.chat.postMessage({ channel: 'C0OPS', text: 'x' }))).toBe('not_in_channel');
    expect(await slackError(client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).toBe(
      'channel_not_found',
    );
  });

  it('opens a direct message when the channel is a user id', async () => {
    const result = await clientFor(standIn).chat.postMessage({ channel: 'U0ANA', text: 'Follow-up due' });
    expect(result.channel).toMatch(/^D/);
    expect(standIn.messages('U0ANA').map((m) => m.text)).toEqual(['Follow-up due']);
  });

  it('refuses a message with neither text nor blocks with no_text', async () => {
    expect(await slackError(clientFor(standIn).chat.postMessage({ channel: 'C0SALES', text: '' }))).toBe(
      'no_text',
    );
  });

  it('refuses a block over its limit with invalid_blocks and says which one', async () => {
    const failure = await platformError(
      clientFor(standIn).chat.postMessage({
        channel: 'C0SALES',
        text: 'x',
        blocks: [mrkdwnSection('ok'), mrkdwnSection('a'.repeat(3001))],
      }),
    );
    expect(failure.data.error).toBe('invalid_blocks');
    expect(failure.data.response_metadata?.messages).toEqual([
      '[ERROR] blocks[1].text.text: must be at most 3000 characters (has 3001)',
    ]);
  });

  it('refuses more than 50 blocks with invalid_blocks', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' as const }));
    expect(
      await slackError(clientFor(standIn).chat.postMessage({ channel: 'C0SALES', text: 'x', blocks })),
    ).toBe('invalid_blocks');
  });

  it('refuses blocks holding more than 12,000 characters of text with msg_blocks_too_long', async () => {
    const blocks = Array.from({ length: 5 }, () => mrkdwnSection('b'.repeat(2500)));
    expect(
      await slackError(clientFor(standIn).chat.postMessage({ channel: 'C0SALES', text: 'x', blocks })),
    ).toBe('msg_blocks_too_long');
  });

  it('refuses text over 40,000 characters with msg_too_long', async () => {
    const client = clientFor(standIn);
    expect(await slackError(client.chat.postMessage({ channel: 'C0SALES', text: 't'.repeat(40_001) }))).toBe(
      'msg_too_long',
    );
    await expect(
      client.chat.postMessage({ channel: 'C0SALES', text: 't'.repeat(40_000) }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('stores metadata, which history shows only with include_all_metadata', async () => {
    const client = clientFor(standIn);
    const metadata = { event_type: 'deal_scored', event_payload: { lead: 'Acme', score: 3 } };
    await client.chat.postMessage({ channel: 'C0SALES', text: 'Scorecard', metadata });
    const plain = await client.conversations.history({ channel: 'C0SALES' });
    const rich = await client.conversations.history({ channel: 'C0SALES', include_all_metadata: true });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
    expect(rich.messages?.[0]?.metadata).toEqual(metadata);
  });
});

describe('chat.postEphemeral and chat.update', () => {
  it('returns message_ts and keeps the ephemeral message out of history', async () => {
    const client = clientFor(standIn);
    const result = await client.chat.postEphemeral({ channel: 'C0SALES', user: 'U0ANA', text: 'Only you' });
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(standIn.messages('C0SALES')).toEqual([
      expect.objectContaining({ text: 'Only you', ephemeral: true, ephemeralTo: 'U0ANA' }),
    ]);
    expect((await client.conversations.history({ channel: 'C0SALES' })).messages).toEqual([]);
  });

  it('refuses an ephemeral message to someone outside the channel', async () => {
    const call = clientFor(standIn).chat.postEphemeral({ channel: 'C0DEALS', user: 'U0ANA', text: 'x' });
    expect(await slackError(call)).toBe('user_not_in_channel');
  });

  it('updates a message in place and answers message_not_found for unknown ones', async () => {
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'C0SALES', text: 'Draft' });
    const updated = await client.chat.update({ channel: 'C0SALES', ts: posted.ts ?? '', text: 'Final' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'Final' });
    expect(standIn.messages('C0SALES').map((m) => m.text)).toEqual(['Final']);
    expect(await slackError(client.chat.update({ channel: 'C0SALES', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
  });
});

describe('conversations and users', () => {
  it('describes a channel with conversations.info', async () => {
    const client = clientFor(standIn);
    const info = await client.conversations.info({ channel: 'C0OPS' });
    expect(info.channel).toMatchObject({ id: 'C0OPS', name: 'ops', is_channel: true, is_member: false });
    expect(await slackError(client.conversations.info({ channel: 'C0NOPE' }))).toBe('channel_not_found');
  });

  it('pages through history newest first', async () => {
    const client = clientFor(standIn);
    for (const text of ['one', 'two', 'three']) await client.chat.postMessage({ channel: 'C0SALES', text });
    const first = await client.conversations.history({ channel: 'C0SALES', limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['three', 'two']);
    expect(first.has_more).toBe(true);
    const cursor = first.response_metadata?.next_cursor ?? '';
    const second = await client.conversations.history({ channel: 'C0SALES', limit: 2, cursor });
    expect(second.messages?.map((m) => m.text)).toEqual(['one']);
    expect(second.has_more).toBe(false);
  });

  it("answers users.info with the person's time zone and offset", async () => {
    const { user } = await clientFor(standIn).users.info({ user: 'U0ANA' });
    expect(user).toMatchObject({
      id: 'U0ANA',
      name: 'ana',
      real_name: 'Ana Ruiz',
      tz: 'Europe/Madrid',
      profile: { real_name: 'Ana Ruiz', email: 'ana@example.com' },
    });
    expect([3600, 7200]).toContain(user?.tz_offset);
    expect(await slackError(clientFor(standIn).users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
  });

  it('pages users.list with a cursor until every member was listed once', async () => {
    const client = clientFor(standIn);
    const everyone = await client.users.list({});
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.users.list({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.members).toHaveLength(1);
      ids.push(...(page.members ?? []).map((m) => m.id ?? ''));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor && pages < 50);
    expect(ids).toEqual((everyone.members ?? []).map((m) => m.id));
    expect(ids.length).toBeGreaterThan(1);
    expect(everyone.members?.find((m) => m.id === 'U0ANA')?.profile?.email).toBe('ana@example.com');
    expect(await slackError(client.users.list({ cursor: 'bm9ib2R5' }))).toBe('invalid_cursor');
  });
});
