import { SlackStandIn } from '../../src/sandbox/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, type RunningApp, SIGNING_SECRET, startApp } from './app.js';

export const TEAM_ID = 'T0SALESOPS';
export const REP_ID = 'U0REP00001';
export const CHANNEL_ID = 'C0SALES001';

/** The app wired as in production, talking to a Slack stand-in that signs what it sends. */
export interface Workspace {
  slack: SlackStandIn;
  app: RunningApp;
  stop(): Promise<void>;
}

/** Starts a stand-in with one rep and one channel, and the app on a free port pointed at it. */
export async function startWorkspace(): Promise<Workspace> {
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM_ID,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP_ID, name: 'ana', tz: 'Europe/Paris' });
  slack.addChannel({ id: CHANNEL_ID, name: 'sales' });
  const app = await startApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl });
  slack.setAppUrl(app.eventsUrl);
  return {
    slack,
    app,
    async stop() {
      await app.stop();
      await slack.stop();
    },
  };
}
