import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, type RunningApp, SIGNING_SECRET, startApp } from './app.js';
import { deleteKeysUnder } from './redis.js';

export const TEAM_ID = 'T0SALESOPS';
export const REP_ID = 'U0REP00001';
export const CHANNEL_ID = 'C0SALES001';

/** The app wired as in production, talking to a Slack stand-in that signs what it sends. */
export interface Workspace {
  slack: SlackStandIn;
  app: RunningApp;
  stop(): Promise<void>;
}

/** What a test may change about the workspace: the rep's time zone and the app's clock. */
export interface WorkspaceOptions {
  /** The rep's IANA time zone, Europe/Paris unless set. */
  repTimezone?: string;
  /** The app's clock; the real one unless set. */
  now?: () => Date;
}

/** Starts a stand-in with one rep and one channel, and the app on a free port pointed at it. */
export async function startWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM_ID,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP_ID, name: 'ana', tz: options.repTimezone ?? 'Europe/Paris' });
  slack.addChannel({ id: CHANNEL_ID, name: 'sales' });
  const app = await startApp(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl },
    options.now === undefined ? {} : { now: options.now },
  );
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

/**
 * Starts one workspace for the test file and, before each test, resets the stand-in, runs `prepare`
 * and deletes the app's keys; the returned workspace always refers to the running one.
 */
export function useWorkspace(prepare: (ws: Workspace) => void = () => undefined): Workspace {
  let running: Workspace | undefined;
  const current = (): Workspace => {
    if (!running) throw new Error('The workspace only runs inside tests and their hooks.');
    return running;
  };
  beforeAll(async () => {
    running = await startWorkspace();
  });
  afterAll(async () => {
    await running?.stop();
  });
  beforeEach(async () => {
    const ws = current();
    ws.slack.reset();
    prepare(ws);
    await deleteKeysUnder(ws.app.redis, ws.app.prefix);
  });
  return {
    get slack() {
      return current().slack;
    },
    get app() {
      return current().app;
    },
    stop: () => current().stop(),
  };
}
