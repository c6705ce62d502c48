import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostJobData } from '../../src/jobs/job-data.js';
import { enqueuePost } from '../../src/jobs/sender.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
const TOKEN = 'xoxb-test-bot-token';
/** Retries come back after a short backoff, so the suite does not wait for the production one. */
const fast = { lockDuration: 2_000, stalledInterval: 1_000 };

let h: JobHarness;
let slack: SlackStandIn;

beforeEach(async () => {
  h = await openHarness();
  slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
  slack.addUser({ id: REP, name: 'ana', tz: 'Europe/Paris' });
});
afterEach(async () => {
  await h.close();
  await slack.stop();
});

const post = (key: string): PostJobData => ({ teamId: TEAM, channel: REP, deliveryKey: key, text: key });

async function deliver(key: string) {
  h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { workerOptions: fast } });
  const id = await enqueuePost(h.followups, post(key));
  return waitForState(h.queues.sender, id, 'completed', 15_000);
}

describe('posting exactly once when Slack answers badly', () => {
  it('posts once when Slack posts the message but the response is lost', async () => {
    slack.failNext('chat.postMessage', { after: 'lose' });
    const job = await deliver('rem-T0SALESOPS-e00000000lost-s1-r0');
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(job.returnvalue).toMatchObject({ status: 'found-after-crash' });
  });

  it('posts once when Slack posts the message and then answers 503', async () => {
    slack.failNext('chat.postMessage', { after: 'status', status: 503 });
    const job = await deliver('rem-T0SALESOPS-e000000000503-s1-r0');
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(job.returnvalue).toMatchObject({ status: 'found-after-crash' });
  });

  it('settles a 429 that follows a lost response by the history check, not by posting again', async () => {
    slack.failNext('chat.postMessage', { after: 'lose' });
    slack.failNext('conversations.history', { status: 429, retryAfter: 1 });
    const job = await deliver('rem-T0SALESOPS-e000000lost429-s1-r0');
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(job.returnvalue).toMatchObject({ status: 'found-after-crash' });
  });
});
