import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrol } from '../../src/jobs/enrol.js';
import { reminderJobId } from '../../src/jobs/ids.js';
import { JOB_NAMES, openProducerConnection, queuePrefix } from '../../src/jobs/queues.js';
import { enqueuePost } from '../../src/jobs/sender.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { randomPrefix, TEST_REDIS_ENV, TEST_REDIS_TARGET } from '../support/redis.js';
import { acmeEnrolment } from './support/acme.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState, waitUntil } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
const TOKEN = 'xoxb-test-bot-token';
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

/** Enrols Acme for the rep now, in the default sequence. */
const enrolNow = () => enrol(h.followups, acmeEnrolment());

/** Moves the first step's due instant to `ms` (the job itself stays where it is, to be promoted). */
const dueAt = (enrolmentId: string, ms: number) =>
  h.followups.enrolments.update(TEAM, enrolmentId, (e) => ({
    ...e,
    steps: e.steps.map((s) => (s.index === 0 ? { ...s, dueAt: new Date(ms).toISOString() } : s)),
  }));

describe('workers', () => {
  it('let the job in hand finish when closed (SIGTERM)', async () => {
    const workers = h.startWorkers({
      apiUrl: slack.apiUrl,
      token: TOKEN,
      extra: { afterPost: () => new Promise((resolve) => setTimeout(resolve, 300)) },
    });
    const key = 'rem-T0SALESOPS-e0000000000b1-s1-r0';
    const id = await enqueuePost(h.followups, {
      teamId: TEAM,
      channel: REP,
      deliveryKey: key,
      text: 'hello',
    });
    await waitUntil(() => slack.messages(REP).length === 1, 3000, 'the post');
    expect(await (await h.queues.sender.getJob(id))?.getState()).toBe('active');

    const started = Date.now();
    await workers.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await (await h.queues.sender.getJob(id))?.getState()).toBe('completed');
    expect(await h.followups.deliveries.get(TEAM, key)).toMatchObject({ state: 'posted' });
  });

  it('keep finished jobs through the worker options, not options copied into every job', async () => {
    const workers = h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const day = 24 * 3600;
    expect(workers.reminders.opts.removeOnComplete).toEqual({ age: 14 * day });
    expect(workers.reminders.opts.removeOnFail).toEqual({ age: 30 * day });
    expect(workers.sender.opts.removeOnComplete).toEqual({ age: 7 * day });
    expect(workers.sender.opts.removeOnFail).toEqual({ age: 30 * day });
    const enrolment = await enrolNow();
    const job = await h.queues.reminders.getJob(reminderJobId(TEAM, enrolment.id, 0));
    expect(job?.opts).toMatchObject({ attempts: 5 });
    expect(job?.opts.removeOnComplete).toBeUndefined();
    expect(job?.opts.removeOnFail).toBeUndefined();
  });

  it('fail a job with invalid data for good, without retrying it', async () => {
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const job = await h.queues.reminders.add(JOB_NAMES.reminder, { teamId: TEAM, token: 'xoxb-leaked' });
    const failed = await waitForState(h.queues.reminders, job.id ?? '', 'failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toContain('reminder job data is invalid');
    const unknown = await h.queues.sender.add('mystery', {});
    expect((await waitForState(h.queues.sender, unknown.id ?? '', 'failed')).failedReason).toContain(
      'no processor for jobs named "mystery"',
    );
  });

  it('run a reminder twice without posting twice', async () => {
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const enrolment = await enrolNow();
    const id = reminderJobId(TEAM, enrolment.id, 0);
    await (await h.queues.reminders.getJob(id))?.promote();
    await waitForState(h.queues.reminders, id, 'completed');
    // A second run of the same step, as after a stalled worker: the same delivery, so no second DM.
    await h.queues.reminders.remove(id);
    await h.queues.reminders.add(
      JOB_NAMES.reminder,
      { teamId: TEAM, enrolmentId: enrolment.id, step: 0 },
      { jobId: id },
    );
    await waitForState(h.queues.reminders, id, 'completed');
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(slack.messages(REP)).toHaveLength(1);
    // The reminder job posted the DM itself: the channel was free, so no sender job was needed.
    expect(await h.queues.sender.getJobCounts('completed', 'wait', 'delayed')).toEqual({
      completed: 0,
      wait: 0,
      delayed: 0,
    });
  });

  it('run a reminder before it is due and post it at the due instant, not before', async () => {
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const enrolment = await enrolNow();
    const dueMs = Date.now() + 1_500;
    await dueAt(enrolment.id, dueMs);
    const id = reminderJobId(TEAM, enrolment.id, 0);
    await (await h.queues.reminders.getJob(id))?.promote();
    await waitForState(h.queues.reminders, id, 'completed', 5000);
    const [call] = slack.calls('chat.postMessage');
    expect(call?.status).toBe(200);
    expect(call?.at ?? 0).toBeGreaterThanOrEqual(dueMs);
    expect(slack.messages(REP)).toHaveLength(1);
  });

  it('fail a reminder Slack refuses for good, posting nothing, and still mark its step due', async () => {
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const enrolment = await enrolNow();
    await dueAt(enrolment.id, Date.now());
    slack.failNext('chat.postMessage', { error: 'user_not_found' });
    const id = reminderJobId(TEAM, enrolment.id, 0);
    await (await h.queues.reminders.getJob(id))?.promote();
    const job = await waitForState(h.queues.reminders, id, 'failed', 5000);
    expect(job.failedReason).toContain('user_not_found');
    expect(job.attemptsMade).toBe(1);
    expect(slack.messages(REP)).toHaveLength(0);
    expect((await h.followups.enrolments.get(TEAM, enrolment.id))?.steps[0]?.state).toBe('due');
  });

  it("hand a reminder to the sender, delayed to the DM's next slot, when the DM was just posted to", async () => {
    slack.setChannelPace(true);
    h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
    const enrolment = await enrolNow();
    await dueAt(enrolment.id, Date.now());
    await waitForState(
      h.queues.sender,
      await enqueuePost(h.followups, { teamId: TEAM, channel: REP, deliveryKey: 'other-dm', text: 'hi' }),
      'completed',
    );
    const id = reminderJobId(TEAM, enrolment.id, 0);
    await (await h.queues.reminders.getJob(id))?.promote();
    const job = await waitForState(h.queues.reminders, id, 'completed', 5000);
    expect(job.returnvalue).toMatchObject({ status: 'queued' });
    await waitUntil(async () => slack.messages(REP).length === 2, 5000, 'the reminder');
    // It waited for the DM's slot instead of trying and being answered 429.
    expect(slack.calls('chat.postMessage').map((c) => c.status)).toEqual([200, 200]);
  });

  it('npm run worker: the worker process exits cleanly on SIGTERM', async () => {
    const prefix = randomPrefix();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...TEST_REDIS_ENV,
        REDIS_KEY_PREFIX: prefix,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // A cold start compiles the worker with tsx, which takes a while on a busy machine.
      await waitUntil(() => output.includes('workers started'), 45_000, `worker start (${output})`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('finishing the jobs in hand');
    } finally {
      child.kill('SIGKILL');
      const connection = openProducerConnection(TEST_REDIS_TARGET);
      for (const name of ['reminders', 'sender']) {
        const queue = new Queue(name, { connection, prefix: queuePrefix(prefix) });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await connection.quit();
    }
  }, 60_000);
});
