import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postBatchJobId, postJobId } from '../../src/jobs/ids.js';
import { type PostJobData, postBatchJobSchema } from '../../src/jobs/job-data.js';
import { CHANNEL_PACE_MS } from '../../src/jobs/pace.js';
import { JOB_NAMES } from '../../src/jobs/queues.js';
import { enqueuePosts } from '../../src/jobs/sender.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState, waitUntil } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const TOKEN = 'xoxb-test-bot-token';
const CHANNELS = ['C0FAN00001', 'C0FAN00002', 'C0FAN00003'];

let h: JobHarness;
let slack: SlackStandIn;

beforeEach(async () => {
  h = await openHarness();
  slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
  for (const id of CHANNELS) slack.addChannel({ id, name: id.toLowerCase() });
  slack.setChannelPace(true);
});
afterEach(async () => {
  await h.close();
  await slack.stop();
});

const post = (channel: string, part: number): PostJobData => ({
  teamId: TEAM,
  channel,
  deliveryKey: `digest-${TEAM}-${channel}-part${part}`,
  text: `digest for ${channel}, part ${part + 1}`,
});

/** Every channel's digest in `parts` messages, in the order a fan-out hands them over. */
const fanOut = (parts: number) =>
  CHANNELS.flatMap((channel) => Array.from({ length: parts }, (_, p) => post(channel, p)));

const batchId = (parts: number[]) =>
  postBatchJobId(CHANNELS.map((c, i) => post(c, parts[i] ?? 0).deliveryKey));

describe('a fan-out handed to the sender at once', () => {
  it('posts every channel’s first message from one batch job and the second ones a second later from another', async () => {
    const ids = await enqueuePosts(h.followups, fanOut(2));
    expect(ids).toEqual([batchId([0, 0, 0]), batchId([1, 1, 1])]);
    const [now, later] = await Promise.all(ids.map((id) => h.queues.sender.getJob(id)));
    expect(now?.name).toBe(JOB_NAMES.postBatch);
    expect(now?.data.posts.map((p: PostJobData) => p.deliveryKey)).toEqual(
      CHANNELS.map((c) => post(c, 0).deliveryKey),
    );
    expect(await h.queues.sender.getJobState(batchId([0, 0, 0]))).toBe('waiting');
    // The second parts wait in the delayed set together, each holding its channel's next slot.
    expect(await h.queues.sender.getJobState(batchId([1, 1, 1]))).toBe('delayed');
    expect(later?.data.posts.map((p: PostJobData) => p.slotAt)).toEqual(
      now?.data.posts.map((p: PostJobData) => (p.slotAt ?? 0) + CHANNEL_PACE_MS),
    );

    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const done = await waitForState(h.queues.sender, batchId([0, 0, 0]), 'completed', 5000);
    expect(done.returnvalue).toEqual({
      status: 'batch',
      posted: 3,
      alreadyPosted: 0,
      handedOn: 0,
      refused: 0,
    });
    const second = await waitForState(h.queues.sender, batchId([1, 1, 1]), 'completed', 5000);
    expect(second.returnvalue).toMatchObject({ posted: 3, handedOn: 0 });
    const calls = slack.calls('chat.postMessage');
    expect(calls.every((c) => c.status === 200)).toBe(true);
    for (const channel of CHANNELS) {
      expect(slack.messages(channel).map((m) => m.text)).toEqual([
        post(channel, 0).text,
        post(channel, 1).text,
      ]);
      const [first, second] = calls.filter((c) => c.args.channel === channel).map((c) => c.at);
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    for (const part of [0, 1])
      for (const channel of CHANNELS)
        expect(await h.followups.deliveries.get(TEAM, post(channel, part).deliveryKey)).toMatchObject({
          state: 'posted',
        });
  });

  it('hands a post Slack answered 429 on to a job of its own, which posts it after Retry-After', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await enqueuePosts(h.followups, fanOut(1));
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const done = await waitForState(h.queues.sender, batchId([0, 0, 0]), 'completed', 5000);
    expect(done.returnvalue).toMatchObject({ posted: 2, handedOn: 1, refused: 0 });
    await waitUntil(() => slack.messages().length === 3, 5000, 'the third message');
    for (const channel of CHANNELS) expect(slack.messages(channel)).toHaveLength(1);
    const refused = slack.calls('chat.postMessage').find((c) => c.status === 429);
    const again = slack
      .calls('chat.postMessage')
      .find((c) => c.status === 200 && c.args.channel === refused?.args.channel);
    expect((again?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('posts the others when Slack refuses one, and does not try the refused one again', async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await enqueuePosts(h.followups, fanOut(1));
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const done = await waitForState(h.queues.sender, batchId([0, 0, 0]), 'completed', 5000);
    expect(done.returnvalue).toMatchObject({ posted: 2, handedOn: 0, refused: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.calls('chat.postMessage')).toHaveLength(3);
    expect(slack.messages()).toHaveLength(2);
  });

  it('retries a post that may have gone out through its own job, which finds it instead of posting twice', async () => {
    // Slack carried the post out but the answer was a 503: posted or not, the batch cannot tell.
    slack.failNext('chat.postMessage', { after: 'status', status: 503 });
    await enqueuePosts(h.followups, fanOut(1));
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const done = await waitForState(h.queues.sender, batchId([0, 0, 0]), 'completed', 5000);
    expect(done.returnvalue).toMatchObject({ posted: 2, handedOn: 1 });
    const doubtful = slack.calls('chat.postMessage').find((c) => c.status === 503)?.args.channel as string;
    const retry = await waitForState(
      h.queues.sender,
      postJobId(post(doubtful, 0).deliveryKey),
      'completed',
      8000,
    );
    expect(retry.returnvalue).toMatchObject({ status: 'found-after-crash' });
    expect(slack.calls('chat.postMessage')).toHaveLength(3);
    for (const channel of CHANNELS) expect(slack.messages(channel)).toHaveLength(1);
  });

  it('run again (a crash, a settling job) posts nothing twice', async () => {
    await enqueuePosts(h.followups, fanOut(1));
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const first = await waitForState(h.queues.sender, batchId([0, 0, 0]), 'completed', 5000);
    await h.queues.sender.add(JOB_NAMES.postBatch, first.data, { jobId: 'settle-again' });
    const again = await waitForState(h.queues.sender, 'settle-again', 'completed', 5000);
    expect(again.returnvalue).toMatchObject({ posted: 0, alreadyPosted: 3 });
    expect(slack.calls('chat.postMessage')).toHaveLength(3);
  });

  it('posts each message once when the same fan-out is handed over twice', async () => {
    await enqueuePosts(h.followups, fanOut(2));
    await enqueuePosts(h.followups, fanOut(2));
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    await waitUntil(() => slack.messages().length === 6, 5000, 'all six messages');
    // A moment more, so a second copy on its way would be seen.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    for (const channel of CHANNELS)
      expect(slack.messages(channel).map((m) => m.text)).toEqual([
        post(channel, 0).text,
        post(channel, 1).text,
      ]);
  });

  it('refuses batch data that mixes teams', () => {
    const mixed = {
      teamId: TEAM,
      posts: [post(CHANNELS[0] as string, 0), { ...post(CHANNELS[1] as string, 0), teamId: 'T0OTHER' }],
    };
    const parsed = postBatchJobSchema.safeParse(mixed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('every post must belong to the batch team');
  });
});
