/**
 * One side of the ack benchmark, in its own process so the load generator never shares its event loop:
 * `sales-ops` (the app as production wires it) or `bolt` (a bare Bolt app acking the same command), both on
 * Bolt's HTTPReceiver, calling the Web API at the URL given. Prints the events URL, then serves until killed.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { EVENTS_PATH, KEEP_ALIVE_MS } from '../src/slack/create-app.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, startApp } from '../test/support/app.js';

const [kind, apiUrl] = process.argv.slice(2);
if ((kind !== 'sales-ops' && kind !== 'bolt') || apiUrl === undefined) {
  throw new Error('usage: ack-server.ts sales-ops|bolt <web api url>');
}

async function startBareBolt(url: string): Promise<{ url: string; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: url },
    // As the app does: without it, Bolt looks up a conversation store on every request.
    convoStore: false,
    authorize: async () => ({ botToken: BOT_TOKEN, botId: BOT_ID, botUserId: BOT_USER_ID }),
  });
  app.command('/sales-ops', async ({ ack }) => {
    await ack();
  });
  const server = await receiver.start(0);
  // The same keep-alive as the app's server, so both reuse the load generator's connections alike.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${EVENTS_PATH}`, stop: () => receiver.stop() };
}

async function startSalesOps(url: string): Promise<{ url: string; stop(): Promise<void> }> {
  const app = await startApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: url });
  return { url: app.eventsUrl, stop: () => app.stop() };
}

const running = kind === 'bolt' ? await startBareBolt(apiUrl) : await startSalesOps(apiUrl);
process.stdout.write(`${running.url}\n`);
const stop = async () => {
  await running.stop();
  // A normal exit, so that --cpu-prof writes its profile.
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
