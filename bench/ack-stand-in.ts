/**
 * The Slack stand-in of the ack benchmark, in its own process so that answering the app's Web API and
 * response_url calls never delays the load generator reading acks. Prints its Web API URL, then answers
 * `{ texts }` messages on the IPC channel with the slash command bodies for those texts (each with its own
 * response_url and trigger_id), for the generator to sign and send, and `{ responses: true }` with how many
 * response_url posts it has had.
 */
import { SlackStandIn } from '../src/sandbox/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';

export const TEAM = 'T0BENCHACK';
export const REP = 'U0REP00001';
export const CHANNEL = 'C0SALES001';

/** A request for the bodies of these command texts, or for the number of response_url posts so far. */
export type StandInRequest = { texts: string[] } | { responses: true };

if (import.meta.url === `file://${process.argv[1]}`) {
  const send = process.send?.bind(process);
  if (!send) throw new Error('ack-stand-in.ts runs as a child of bench/ack.ts, with an IPC channel');
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP, name: 'ana', tz: 'Europe/Paris' });
  slack.addChannel({ id: CHANNEL, name: 'sales' });
  process.on('message', (message: StandInRequest) => {
    if ('responses' in message) send(slack.responses().length);
    else send(message.texts.map((text) => slack.slashCommandBody({ userId: REP, channelId: CHANNEL, text })));
  });
  process.on('disconnect', () => void slack.stop().then(() => process.exit(0)));
  process.stdout.write(`${slack.apiUrl}\n`);
}
