import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { clientFor, slackError, startWorkspace } from './fixtures.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startWorkspace();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.stop());

describe('recorded calls', () => {
  it('records method, decoded args, response, status and time for every call', async () => {
    await clientFor(standIn).chat.postMessage({
      channel: 'C0SALES',
      text: 'hi',
      blocks: [{ type: 'divider' }],
    });
    expect(standIn.calls()).toEqual([
      {
        method: 'chat.postMessage',
        args: { channel: 'C0SALES', text: 'hi', blocks: [{ type: 'divider' }] },
        response: expect.objectContaining({ ok: true }),
        status: 200,
        at: expect.any(Number),
      },
    ]);
  });

  it('waits for a call that has not happened yet, matching a predicate', async () => {
    const waiting = standIn.waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    const client = clientFor(standIn);
    await client.chat.postMessage({ channel: 'C0SALES', text: 'first' });
    await client.chat.postMessage({ channel: 'C0SALES', text: 'second' });
    expect((await waiting).args.text).toBe('second');
  });

  it('resolves at once for a call already made', async () => {
    await clientFor(standIn).auth.test();
    await expect(standIn.waitForCall('auth.test')).resolves.toMatchObject({ method: 'auth.test' });
  });

  it('rejects when no matching call arrives in time', async () => {
    await expect(standIn.waitForCall('views.open', () => true, 50)).rejects.toThrow(
      /No matching views.open call/,
    );
  });

  it('forgets what the app did on reset but keeps users and channels', async () => {
    await clientFor(standIn).chat.postMessage({ channel: 'U0ANA', text: 'hi' });
    standIn.reset();
    expect(standIn.calls()).toEqual([]);
    expect(standIn.messages()).toEqual([]);
    await expect(clientFor(standIn).users.info({ user: 'U0ANA' })).resolves.toMatchObject({ ok: true });
    await expect(clientFor(standIn).conversations.info({ channel: 'C0SALES' })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('more conversation methods', () => {
  it('joins a public channel so the bot can post there', async () => {
    const client = clientFor(standIn);
    standIn.addChannel({ id: 'C0LATER', name: 'later', botIsMember: false });
    expect(await slackError(client.chat.postMessage({ channel: 'C0LATER', text: 'x' }))).toBe(
      'not_in_channel',
    );
    await client.conversations.join({ channel: 'C0LATER' });
    await expect(client.chat.postMessage({ channel: 'C0LATER', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('opens a DM with conversations.open', async () => {
    const client = clientFor(standIn);
    const { channel } = await client.conversations.open({ users: 'U0BEN' });
    await client.chat.postMessage({ channel: channel?.id ?? '', text: 'Digest is ready' });
    expect(standIn.messages('U0BEN').map((m) => m.text)).toEqual(['Digest is ready']);
  });

  it('deletes a message the bot posted', async () => {
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'C0SALES', text: 'oops' });
    await client.chat.delete({ channel: 'C0SALES', ts: posted.ts ?? '' });
    expect(standIn.messages('C0SALES')).toEqual([]);
    expect(await slackError(client.chat.delete({ channel: 'C0SALES', ts: posted.ts ?? '' }))).toBe(
      'message_not_found',
    );
  });
});
