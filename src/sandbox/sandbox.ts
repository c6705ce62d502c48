import { launch } from '../app.js';
import { startServices } from '../boot.js';
import { EVENTS_PATH } from '../slack/create-app.js';
import { describeJobs } from './job-labels.js';
import { startPageServer } from './page-server.js';
import { SANDBOX_BOT_TOKEN, SANDBOX_CHANNEL, SANDBOX_PEOPLE, SANDBOX_SIGNING_SECRET } from './people.js';
import { seedSampleDeals } from './seed.js';
import { SlackStandIn } from './stand-in.js';
import { createTimeTravel } from './time-travel.js';

/** Where and how to run the sandbox; ports 0 pick free ones. */
export interface SandboxOptions {
  redisUrl: string;
  /** The app's Redis key prefix; the sandbox's data lives only under it. */
  prefix: string;
  pagePort?: number;
  appPort?: number;
  slackPort?: number;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Import the Maven CRM sample as the workspace's deals (default true). */
  sampleDeals?: boolean;
}

/** A running sandbox: the page to open, the Slack stand-in behind it and the app it talks to. */
export interface Sandbox {
  pageUrl: string;
  appUrl: string;
  slack: SlackStandIn;
  /** How many sample deals were imported. */
  sampleDeals: number;
  stop(): Promise<void>;
}

/** Starts the Slack stand-in, the app over HTTP with its workers, and the page, all on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const slack = await SlackStandIn.start({
    signingSecret: SANDBOX_SIGNING_SECRET,
    botToken: SANDBOX_BOT_TOKEN,
    port: options.slackPort ?? 0,
  });
  for (const person of SANDBOX_PEOPLE) slack.addUser(person);
  slack.addChannel(SANDBOX_CHANNEL);
  const services = await startServices({
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel ?? 'warn',
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: options.prefix,
    SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SANDBOX_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_BOT_ID: slack.botId,
    SLACK_BOT_USER_ID: slack.botUserId,
    RUN_WORKERS: 'true',
  });
  const app = await launch(services, options.appPort ?? 0);
  const appUrl = `http://127.0.0.1:${app.port}${EVENTS_PATH}`;
  slack.setAppUrl(appUrl);
  const sampleDeals =
    options.sampleDeals === false ? 0 : await seedSampleDeals(services.store, slack.teamId, new Date());
  const { followups } = app.jobs;
  const channelName = (id: string) => (id === SANDBOX_CHANNEL.id ? SANDBOX_CHANNEL.name : id);
  const page = await startPageServer({
    slack,
    people: SANDBOX_PEOPLE,
    channel: SANDBOX_CHANNEL,
    timeTravel: createTimeTravel(followups.queues.reminders, describeJobs(followups, channelName)),
    port: options.pagePort ?? 0,
  });
  return {
    pageUrl: page.url,
    appUrl,
    slack,
    sampleDeals,
    async stop() {
      await page.stop();
      await app.close();
      await services.redis.quit();
      await slack.stop();
    },
  };
}
