import { parseArgs } from 'node:util';
import { SlackStandIn } from './stand-in.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3100' },
    'signing-secret': { type: 'string', default: 'sandbox-signing-secret' },
    'bot-token': { type: 'string', default: 'xoxb-sandbox-bot-token' },
    'app-url': { type: 'string' },
    'channel-pace': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a whole number from 0 to 65535, not ${values.port}\n`);
  process.exit(2);
}
const standIn = await SlackStandIn.start({
  port,
  signingSecret: values['signing-secret'],
  botToken: values['bot-token'],
  enforceChannelPace: values['channel-pace'],
});
if (values['app-url']) standIn.setAppUrl(values['app-url']);
process.stdout.write(`Slack stand-in ready. Point the app at it with SLACK_API_URL=${standIn.apiUrl}\n`);

const shutdown = () => {
  standIn.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
