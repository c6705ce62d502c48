import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJobId } from '../../src/jobs/ids.js';
import type { PostJobData } from '../../src/jobs/job-data.js';
import { CHANNEL_PACE_MS } from '../../src/jobs/pace.js';
import { enqueuePost, SENDER_LEAD_MS } from '../../src/jobs/sender.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState, waitUntil } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
const CHANNEL = 'C0SALES001';
const TOKEN = 'xoxb-test-bot-token';

let h: JobHarness;
let slack: SlackStandIn;

beforeEach(async () => {
  h = await openHarness();
  slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
  slack.addUser({ id: REP, name: 'ana', tz: 'America/New_York' });
  slack.addChannel({ id: CHANNEL, name: 'sales' });
});
afterEach(async () => {
  await h.close();
  await slack.stop();
});

const post = (key: string, channel = REP): PostJobData => ({
  teamId: TEAM,
  channel,
  deliveryKey: key,
  text: `reminder ${key}`,
  ab: { stepKey: 'default#1', variant: 'single' },
});

describe('sender queue', () => {
  it('waits out a 429 for Retry-After and posts exactly once without spending an attempt', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const madeWhenPosted: number[] = [];
    h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { afterPost: async (_key, job) => void madeWhenPosted.push(job.attemptsMade) },
    });
    const id = await enqueuePost(h.followups, post('rem-T0SALESOPS-e0000000000a1-s1-r0'));
    const job = await waitForState(h.queues.sender, id, 'completed', 5000);

    const calls = slack.calls('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(slack.messages(REP)).toHaveLength(1);
    // No attempt was spent on the 429: the run that posted still had attemptsMade 0, and only the
    // successful run counts once the job completes. The 429 run (and any pace wait) only counts as started.
    expect(madeWhenPosted).toEqual([0]);
    expect(job.attemptsMade).toBe(1);
    expect(job.attemptsStarted).toBeGreaterThanOrEqual(2);
    expect(job.returnvalue).toMatchObject({ status: 'posted' });
    const ab = await h.followups.ab.list(TEAM);
    expect(ab).toEqual([{ stepKey: 'default#1', variants: { single: { sends: 1, replies: 0 } } }]);
  });

  it('attaches the delivery key to the message as metadata', async () => {
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const key = 'rem-T0SALESOPS-e0000000000a2-s1-r0';
    await waitForState(h.queues.sender, await enqueuePost(h.followups, post(key)), 'completed');
    expect(slack.messages(REP)[0]?.metadata).toEqual({
      event_type: 'sales_ops_delivery',
      event_payload: { key },
    });
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
  });

  it('does not post twice when a worker dies between posting and completing', async () => {
    const key = 'rem-T0SALESOPS-e0000000000a3-s1-r0';
    let crash: (error: Error) => void = () => undefined;
    const hung = new Promise<void>((_, reject) => {
      crash = reject;
    });
    hung.catch(() => undefined);
    const fast = { lockDuration: 400, stalledInterval: 200, maxStalledCount: 1 };
    // Worker A posts, then hangs before recording the post, and is killed (closed by force).
    const a = h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { afterPost: () => hung, workerOptions: fast },
    });
    const id = await enqueuePost(h.followups, post(key));
    await waitUntil(() => slack.messages(REP).length === 1, 3000, 'first post');
    await Promise.all([a.sender.close(true), a.reminders.close(true)]);
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'claimed' });

    // Worker B finds the job stalled, runs it again, and finds the message already in the DM.
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { workerOptions: fast } });
    const job = await waitForState(h.queues.sender, id, 'completed', 5000);
    crash(new Error('worker A was killed'));

    expect(job.returnvalue).toMatchObject({ status: 'found-after-crash' });
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(slack.messages(REP)).toHaveLength(1);
    expect(slack.calls('conversations.history')[0]?.args).toMatchObject({ include_all_metadata: 'true' });
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
    const [counts] = await h.followups.ab.list(TEAM);
    expect(counts?.variants.single?.sends).toBe(1);
  });

  it('keeps one post per second per channel', async () => {
    slack.setChannelPace(true);
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const ids = await Promise.all(
      [1, 2, 3].map((n) => enqueuePost(h.followups, post(`digest-T0SALESOPS-n${n}`, CHANNEL))),
    );
    for (const id of ids) await waitForState(h.queues.sender, id, 'completed', 5000);
    const calls = slack.calls('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
    const times = calls.map((c) => c.at);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(slack.messages(CHANNEL)).toHaveLength(3);
  });

  it('books a busy channel its next slot when a post is handed over, and posts it at that slot', async () => {
    slack.setChannelPace(true);
    const [first, second] = ['digest-T0SALESOPS-b1', 'digest-T0SALESOPS-b2'].map((key) => post(key, CHANNEL));
    const firstId = await enqueuePost(h.followups, first as PostJobData);
    const handedAt = Date.now();
    const secondId = await enqueuePost(h.followups, second as PostJobData);
    // The second post is not fetched now only to wait: it sits in the delayed set, holding the slot
    // behind the first, until SENDER_LEAD_MS before it.
    expect(await h.queues.sender.getJobState(firstId)).toBe('waiting');
    expect(await h.queues.sender.getJobState(secondId)).toBe('delayed');
    const [a, b] = await Promise.all([firstId, secondId].map((id) => h.queues.sender.getJob(id)));
    expect((b?.data.slotAt ?? 0) - (a?.data.slotAt ?? 0)).toBe(CHANNEL_PACE_MS);
    expect(b?.data.postAt).toBeGreaterThanOrEqual(handedAt + CHANNEL_PACE_MS - 50);
    expect(b?.opts.delay).toBeLessThanOrEqual(CHANNEL_PACE_MS - SENDER_LEAD_MS);

    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const done = await waitForState(h.queues.sender, secondId, 'completed', 5000);
    const calls = slack.calls('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([200, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    // The run that posted started well before the post went out: it took the slot and the claim ahead,
    // then waited for its instant.
    expect(calls[1]?.at ?? 0).toBeGreaterThanOrEqual((done.processedOn ?? 0) + SENDER_LEAD_MS / 2);
  });

  it('adds the same delivery only once', async () => {
    const key = 'rem-T0SALESOPS-e0000000000a4-s1-r0';
    await enqueuePost(h.followups, post(key));
    await enqueuePost(h.followups, post(key));
    expect(await h.queues.sender.getJobCounts('wait')).toEqual({ wait: 1 });
    expect((await h.queues.sender.getJob(postJobId(key)))?.id).toBe(postJobId(key));
  });
});
