/**
 * The floor of the ack benchmark, in its own process so the load generator never shares its event loop: a
 * bare Bolt app acking the same command on the same receiver (Bolt's HTTPReceiver) with the app's server
 * settings, calling the Web API at the URL given. Prints its events URL, then serves until killed. The
 * sales-ops side is the production build itself (ack-app.ts).
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { EVENTS_PATH, KEEP_ALIVE_MS } from '../src/slack/create-app.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';

const [apiUrl] = process.argv.slice(2);
if (apiUrl === undefined) throw new Error('usage: ack-server.ts <web api url>');

const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH });
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: apiUrl },
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
process.stdout.write(`http://127.0.0.1:${port}${EVENTS_PATH}\n`);

const stop = async () => {
  await receiver.stop();
  // A normal exit, so that --cpu-prof writes its profile.
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
