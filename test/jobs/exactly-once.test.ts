import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrol } from '../../src/jobs/enrol.js';
import { postJobId, reminderJobId } from '../../src/jobs/ids.js';
import type { PostJobData } from '../../src/jobs/job-data.js';
import { JOB_NAMES } from '../../src/jobs/queues.js';
import { enqueuePost } from '../../src/jobs/sender.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { acmeEnrolment } from './support/acme.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState, waitUntil } from './support/wait.js';

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

describe('posting exactly once through worker crashes', () => {
  it('delivers once, not lost, when two workers crash during one post', async () => {
    // Production allowance for stalls; only the lock is short so a crash is noticed quickly.
    const crashy = { lockDuration: 400, stalledInterval: 200 };
    const key = 'rem-T0SALESOPS-e0000twocrash-s1-r0';
    const a = h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { afterPost: () => new Promise<void>(() => undefined), workerOptions: crashy },
    });
    const id = await enqueuePost(h.followups, post(key));
    await waitUntil(() => slack.messages(REP).length === 1, 5000, 'the first post');
    await Promise.all([a.sender.close(true), a.reminders.close(true)]);

    // Worker B picks the stalled job up and dies while reading the history.
    slack.failNext('conversations.history', { after: 'hang' });
    const b = h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { workerOptions: crashy } });
    await waitUntil(() => slack.calls('conversations.history').length === 1, 5000, 'the history read');
    await Promise.all([b.sender.close(true), b.reminders.close(true)]);

    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { workerOptions: crashy } });
    const job = await waitForState(h.queues.sender, id, 'completed', 10_000);
    expect(job.returnvalue).toMatchObject({ status: 'found-after-crash' });
    expect(slack.messages(REP)).toHaveLength(1);
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
  });

  it('settles a delivery whose job ran out of attempts while its post was in doubt', async () => {
    const key = 'rem-T0SALESOPS-e00000settle-s1-r0';
    slack.failNext('chat.postMessage', { after: 'lose' });
    h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { workerOptions: fast, settleDelayMs: 100 },
    });
    const job = await h.queues.sender.add(JOB_NAMES.post, post(key), { jobId: postJobId(key), attempts: 1 });
    await waitForState(h.queues.sender, job.id ?? '', 'failed', 5000);
    await waitUntil(
      async () => (await h.followups.deliveries.get(TEAM, key))?.state === 'posted',
      10_000,
      'the delivery settled',
    );
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });
  it('settles a reminder whose job stalled out for good while its own post was in doubt', async () => {
    // The reminder posts its DM itself; the post goes out but its answer never comes, and the worker dies.
    const dies = { lockDuration: 400, stalledInterval: 200, maxStalledCount: 0 };
    const enrolment = await enrol(h.followups, acmeEnrolment());
    slack.failNext('chat.postMessage', { after: 'hang' });
    const a = h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { workerOptions: dies } });
    const id = reminderJobId(TEAM, enrolment.id, 0);
    await (await h.queues.reminders.getJob(id))?.promote();
    await waitUntil(() => slack.calls('chat.postMessage').length === 1, 5000, 'the reminder post');
    await Promise.all([a.sender.close(true), a.reminders.close(true)]);

    // The next worker finds the job stalled with no stalls allowed, fails it for good, and settles it later.
    h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { workerOptions: dies, settleDelayMs: 100 },
    });
    await waitForState(h.queues.reminders, id, 'failed', 5000);
    const settled = await waitForState(h.queues.reminders, `settle-${id}`, 'completed', 10_000);
    // Its delivery is still claimed, so the post goes to the sender, whose history check finds the DM.
    const key = (settled.returnvalue as { deliveryKey: string }).deliveryKey;
    await waitUntil(
      async () => (await h.followups.deliveries.get(TEAM, key))?.state === 'posted',
      10_000,
      'the delivery settled',
    );
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });
});
