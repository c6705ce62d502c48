import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestSchedulerId } from '../../src/jobs/digest-job.js';
import type { DigestResult } from '../../src/jobs/processors/digest.js';
import { JOB_NAMES, openWorkerConnection } from '../../src/jobs/queues.js';
import { upsertDigestScheduler } from '../../src/jobs/schedules.js';
import { createClientFactory } from '../../src/jobs/slack-client.js';
import { startWorkers, type WorkerDeps, type Workers } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/logger.js';
import type { RedisClient } from '../../src/redis-client.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { createStore, type DigestSettings, type Store } from '../../src/store/index.js';
import { DEALS, SEED } from '../engines/dashboard/fixtures.js';
import { storeDeals } from '../support/deals.js';
import { TEST_REDIS_TARGET } from '../support/redis.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState, waitUntil } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const CHANNEL = 'C0SALES001';
const TOKEN = 'xoxb-test-bot-token';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Monday 23 November 2026, 10:00 in New York: ISO week 2026-W48. */
const MONDAY_W48 = new Date('2026-11-23T15:00:00Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;
/**
 * A killed worker's job comes back quickly; the lock still outlasts the chart's PNG rendering, which holds
 * the event loop (and so the lock renewal) for hundreds of milliseconds on a busy machine.
 */
const FAST_STALL = { lockDuration: 1500, stalledInterval: 300, maxStalledCount: 1 };

let h: JobHarness;
let slack: SlackStandIn;
let store: Store;
let clock: Date;
const started: { workers: Workers; connection: RedisClient }[] = [];

function start(
  extra: Partial<WorkerDeps> = {},
  digestExtra: Partial<NonNullable<WorkerDeps['digests']>> = {},
) {
  const connection = openWorkerConnection(TEST_REDIS_TARGET);
  const workers = startWorkers({
    connection,
    prefix: h.queues.prefix,
    followups: h.followups,
    clientFor: createClientFactory({ tokens: async () => TOKEN, slackApiUrl: slack.apiUrl }),
    logger: createLogger('silent'),
    digests: { store, now: () => clock, ...digestExtra },
    ...extra,
  });
  started.push({ workers, connection });
  return workers;
}

/** Collects the result of every digest job the worker finishes. */
function results(workers: Workers): DigestResult[] {
  const list: DigestResult[] = [];
  workers.reminders.on('completed', (job: Job, result: DigestResult) => {
    if (job.name === JOB_NAMES.digest) list.push(result);
  });
  return list;
}

const settings = (pattern: string): DigestSettings => ({
  teamId: TEAM,
  channelId: CHANNEL,
  pattern,
  tz: 'America/New_York',
  description: 'test',
  cadence: 'weekly',
  paused: false,
  updatedBy: 'U0MANAGER1',
  updatedAt: MONDAY_W48.toISOString(),
});

async function importDeals() {
  await storeDeals(store, TEAM, DEALS, {
    by: 'U0MANAGER1',
    stages: SEED,
    source: 'hubspot',
    importedAt: MONDAY_W48.toISOString(),
  });
}

const pngs = () => slack.files().filter((f) => f.content.subarray(0, 8).equals(PNG_SIGNATURE));
const posted = () => slack.messages(CHANNEL).filter((m) => (m.blocks ?? []).length > 0);

beforeEach(async () => {
  h = await openHarness({ paceMs: 50 });
  store = createStore(h.redis, { prefix: h.prefix });
  slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
  slack.addChannel({ id: CHANNEL, name: 'sales' });
  clock = MONDAY_W48;
  await importDeals();
});
afterEach(async () => {
  const stopped = started.splice(0);
  for (const { workers } of stopped) await workers.close();
  await h.close();
  for (const { connection } of stopped) await connection.quit();
  await slack.stop();
});

describe('digest job', () => {
  it('posts one digest per ISO week however often its scheduler fires, and the next in a new week', async () => {
    const workers = start();
    const done = results(workers);
    // Fires every second (cron with a seconds field), standing in for a week of restarts and re-runs.
    const everySecond = await store.digests.save(settings('* * * * * *'));
    await upsertDigestScheduler({ queue: h.queues.reminders, jobIndex: h.followups.jobIndex }, everySecond);
    await waitUntil(() => done.filter((r) => r.status === 'already-posted').length >= 2, 6000, 'repeat runs');
    expect(done[0]).toMatchObject({ status: 'posted', week: '2026-W48', kind: 'digest' });
    expect(posted()).toHaveLength(1);
    expect(pngs()).toHaveLength(1);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);

    clock = new Date(MONDAY_W48.getTime() + WEEK_MS);
    await waitUntil(() => done.some((r) => r.status === 'posted' && r.week === '2026-W49'), 6000, 'W49');
    expect(posted()).toHaveLength(2);
    expect(pngs()).toHaveLength(2);
    expect(posted()[1]?.metadata?.event_payload).toEqual({ key: `digest-${TEAM}-${CHANNEL}-2026-W49` });
    expect(await store.snapshots.weeks(TEAM, ['2026-W48', '2026-W49'])).toHaveLength(2);
  });

  it('does not post twice when a worker dies between posting and recording the post', async () => {
    let crash: (error: Error) => void = () => undefined;
    const hung = new Promise<void>((_, reject) => {
      crash = reject;
    });
    hung.catch(() => undefined);
    await store.digests.save(settings('0 9 * * 1'));
    const a = start({ workerOptions: FAST_STALL }, { afterPost: () => hung });
    const job = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: TEAM, channel: CHANNEL });
    await waitUntil(() => posted().length === 1, 5000, 'first post');
    await Promise.all([a.reminders.close(true), a.sender.close(true)]);
    const key = `digest-${TEAM}-${CHANNEL}-2026-W48`;
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'claimed' });

    start({ workerOptions: FAST_STALL });
    const finished = await waitForState(h.queues.reminders, job.id ?? '', 'completed', 8000);
    crash(new Error('worker A was killed'));
    expect(finished.returnvalue).toMatchObject({ status: 'found-after-crash', key });
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(posted()).toHaveLength(1);
    expect(pngs()).toHaveLength(1);
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
  });

  it('settles a digest whose job failed for good while its post was in doubt: posted once, not lost', async () => {
    await store.digests.save(settings('0 9 * * 1'));
    slack.failNext('chat.postMessage', { after: 'lose' });
    start({ settleDelayMs: 100 });
    const job = await h.queues.reminders.add(
      JOB_NAMES.digest,
      { teamId: TEAM, channel: CHANNEL },
      { jobId: 'digest-in-doubt', attempts: 1 },
    );
    await waitForState(h.queues.reminders, job.id ?? '', 'failed', 8000);
    const key = `digest-${TEAM}-${CHANNEL}-2026-W48`;
    await waitUntil(
      async () => (await h.followups.deliveries.get(TEAM, `${key}-chart`))?.state === 'posted',
      10_000,
      'the digest settled',
    );
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
    const settled = await h.queues.reminders.getJob('settle-digest-in-doubt');
    expect(settled?.returnvalue).toMatchObject({ status: 'found-after-crash', key });
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(posted()).toHaveLength(1);
    expect(pngs()).toHaveLength(1);
  });

  it('does not share the chart twice when a worker dies between uploading it and recording it', async () => {
    let crash: (error: Error) => void = () => undefined;
    const hung = new Promise<void>((_, reject) => {
      crash = reject;
    });
    hung.catch(() => undefined);
    await store.digests.save(settings('0 9 * * 1'));
    const afterPost = async (key: string) => (key.endsWith('-chart') ? hung : undefined);
    const a = start({ workerOptions: FAST_STALL }, { afterPost });
    const job = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: TEAM, channel: CHANNEL });
    await waitUntil(() => pngs().length === 1, 5000, 'the chart');
    await Promise.all([a.reminders.close(true), a.sender.close(true)]);

    start({ workerOptions: FAST_STALL });
    const finished = await waitForState(h.queues.reminders, job.id ?? '', 'completed', 8000);
    crash(new Error('worker A was killed'));
    expect(finished.returnvalue).toMatchObject({ status: 'already-posted', kind: 'digest' });
    expect(posted()).toHaveLength(1);
    expect(pngs()).toHaveLength(1);
    expect(slack.calls('files.completeUploadExternal')).toHaveLength(1);
    const chartKey = `digest-${TEAM}-${CHANNEL}-2026-W48-chart`;
    expect(await h.followups.deliveries.get(TEAM, chartKey)).toMatchObject({
      state: 'posted',
      ts: pngs()[0]?.id,
    });
  });

  it('skips a paused digest and a removed one', async () => {
    start();
    await store.digests.save({ ...settings('0 9 * * 1'), paused: true });
    const paused = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: TEAM, channel: CHANNEL });
    expect((await waitForState(h.queues.reminders, paused.id ?? '', 'completed')).returnvalue).toEqual({
      status: 'skipped',
      reason: 'digest paused',
    });
    await store.digests.remove(TEAM, CHANNEL);
    const gone = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: TEAM, channel: CHANNEL });
    expect((await waitForState(h.queues.reminders, gone.id ?? '', 'completed')).returnvalue).toMatchObject({
      status: 'skipped',
    });
    expect(slack.calls('chat.postMessage')).toHaveLength(0);
  });

  it('waits out a 429 on the digest for Retry-After and still posts once', async () => {
    await store.digests.save(settings('0 9 * * 1'));
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    start();
    const job = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: TEAM, channel: CHANNEL });
    const finished = await waitForState(h.queues.reminders, job.id ?? '', 'completed', 6000);
    expect(finished.returnvalue).toMatchObject({ status: 'posted' });
    expect(slack.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(posted()).toHaveLength(1);
    expect(finished.attemptsMade).toBe(1);
  });

  it('tells a team without deals how to import them', async () => {
    await store.digests.save(settings('0 9 * * 1'));
    const empty = 'T0EMPTY001';
    await store.digests.save({ ...settings('0 9 * * 1'), teamId: empty });
    start();
    const job = await h.queues.reminders.add(JOB_NAMES.digest, { teamId: empty, channel: CHANNEL });
    expect((await waitForState(h.queues.reminders, job.id ?? '', 'completed')).returnvalue).toMatchObject({
      status: 'posted',
      kind: 'no-deals',
    });
    const [message] = posted();
    expect(message?.text).toContain('/sales-ops import');
    expect(message?.text).toContain(`sales-ops import FILE.csv --team ${empty}`);
    expect(pngs()).toHaveLength(0);
    expect(digestSchedulerId(empty, CHANNEL)).toBe(`digest-${empty}-${CHANNEL}`);
  });
});
