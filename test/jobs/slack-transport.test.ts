import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_CLIENT_OPTIONS } from '../../src/jobs/slack-client.js';

/** What the server saw of each call: its method, token and form body. */
const seen: { method: string; auth: string | undefined; body: URLSearchParams }[] = [];
let server: Server;
let apiUrl: string;

/** Answers as Slack does, by method: a post, a 429 with Retry-After, a 500, and one that never answers. */
function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const method = req.url?.replace('/api/', '') ?? '';
  seen.push({ method, auth: req.headers.authorization, body: new URLSearchParams(body) });
  if (method === 'chat.postMessage') {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'x-oauth-scopes': 'chat:write,im:history',
    });
    res.end(JSON.stringify({ ok: true, channel: 'C0SALES001', ts: '1700000000.000100' }));
  } else if (method === 'conversations.history') {
    res.writeHead(429, { 'retry-after': '3' });
    res.end();
  } else if (method === 'users.info') {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('upstream broke');
  } else if (method === 'chat.update') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: 'channel_not_found' }));
  }
  // Any other method: never answered, so the call times out.
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => answer(req, res, body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (timeout?: number) =>
  new WebClient('xoxb-test-bot-token', {
    ...PROTOCOL_CLIENT_OPTIONS,
    ...(timeout ? { timeout } : {}),
    slackApiUrl: apiUrl,
  });

describe("the jobs' Web API transport", () => {
  it('sends a form-encoded call with the bot token and reads the answer and its scopes', async () => {
    const result = await client().chat.postMessage({
      channel: 'C0SALES001',
      text: 'Follow up with Acme',
      metadata: { event_type: 'sales_ops_delivery', event_payload: { key: 'k1' } },
    });
    expect(result).toMatchObject({ ok: true, channel: 'C0SALES001', ts: '1700000000.000100' });
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'im:history']);
    const call = seen.find((c) => c.method === 'chat.postMessage');
    expect(call?.auth).toBe('Bearer xoxb-test-bot-token');
    expect(call?.body.get('text')).toBe('Follow up with Acme');
    expect(JSON.parse(call?.body.get('metadata') ?? '{}')).toEqual({
      event_type: 'sales_ops_delivery',
      event_payload: { key: 'k1' },
    });
  });

  it('turns a 429 into a rate-limit error carrying Retry-After, without retrying', async () => {
    const before = seen.filter((c) => c.method === 'conversations.history').length;
    const error = await client()
      .conversations.history({ channel: 'C0SALES001' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 3 });
    expect(seen.filter((c) => c.method === 'conversations.history').length - before).toBe(1);
  });

  it('reports a Slack error, an HTTP error and a call that never answered as the client always did', async () => {
    await expect(client().chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
    await expect(client().users.info({ user: 'U1' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
      body: 'upstream broke',
    });
    await expect(client(300).chat.delete({ channel: 'C1', ts: '1.2' })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
  });
});
