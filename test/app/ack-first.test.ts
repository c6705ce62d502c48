import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../src/sandbox/index.js';
import { SIGNING_SECRET } from '../support/app.js';
import { CHANNEL_ID, REP_ID, startWorkspace, type Workspace } from '../support/stand-in.js';

let ws: Workspace;

beforeAll(async () => {
  ws = await startWorkspace();
});

afterAll(async () => {
  await ws.stop();
});

/** Keeps the event loop busy for `ms`, as heavy work after an ack (scoring, rendering) does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/**
 * Starts a signed slash command whose body arrives only when `finish()` is called, so the app holds a request
 * that waits for its ack for as long as the test wants; `finish()` resolves with the ack's status.
 */
async function slowCommand(text: string): Promise<{ finish(): Promise<number> }> {
  const { slack, app } = ws;
  const outgoing = slack.slashCommandBody({ userId: REP_ID, channelId: CHANNEL_ID, text });
  const headers = {
    ...signedHeaders(outgoing, SIGNING_SECRET, Math.floor(Date.now() / 1000)),
    'content-length': String(Buffer.byteLength(outgoing.body)),
  };
  const req = request(app.eventsUrl, { method: 'POST', headers });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  const half = Math.floor(outgoing.body.length / 2);
  await new Promise<void>((resolve) => req.write(outgoing.body.slice(0, half), () => resolve()));
  // The app is in this process: after a timer and an immediate, its server has read the request's headers.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setImmediate(resolve));
  return {
    finish() {
      req.end(outgoing.body.slice(half));
      return status;
    },
  };
}

describe('work after an ack', () => {
  it('waits while a request waits for its ack, so heavy queued work never delays the ack', async () => {
    const { app, slack } = ws;
    const waiting = await slowCommand('help');
    const started: number[] = [];
    const heavy = Array.from({ length: 4 }, () =>
      app.afterAck.run(async () => {
        started.push(performance.now());
        busy(150);
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    // A request is in flight: without the hold, all four would start now and block the loop for 600 ms.
    expect(started).toEqual([]);

    const reply = await slack.sendSlashCommand({ userId: REP_ID, channelId: CHANNEL_ID, text: 'help' });
    expect(reply.status).toBe(200);
    expect(started).toEqual([]);

    const finished = performance.now();
    expect(await waiting.finish()).toBe(200);
    await Promise.all(heavy);
    expect(started).toHaveLength(4);
    expect(started.every((at) => at >= finished)).toBe(true);
    // Both commands' own work ran too, after the heavy work queued before it, and answered through response_url.
    await app.afterAck.idle();
    expect(slack.responses()).toHaveLength(2);
  });
});
