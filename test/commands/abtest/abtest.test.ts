import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  abVerdict,
  DEFAULT_SEQUENCE,
  planAbTest,
  type Sequence,
  stepKey,
} from '../../../src/engines/optimizer/index.js';
import { followupKeys } from '../../../src/store/enrolments-keys.js';
import { stepBlockId } from '../../../src/views/sequence/ids.js';
import {
  CHANNEL_ID,
  type FollowupsWorkspace,
  REP_ID,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';

let ws: FollowupsWorkspace;

beforeEach(async () => {
  ws = await startFollowupsWorkspace();
});
afterEach(async () => {
  await ws.stop();
});

/** The default cadence with a variant B on its first step (an e-mail). */
function withVariant(): Sequence {
  const [first, ...rest] = DEFAULT_SEQUENCE.steps;
  if (first === undefined) throw new Error('the default sequence has steps');
  const b = { subject: 'Quick idea for {{company}}', body: 'Hi {{first_name}}, a shorter note.' };
  return { ...DEFAULT_SEQUENCE, steps: [{ ...first, variants: { a: first.template, b } }, ...rest] };
}

describe('/sales-ops abtest', () => {
  it('says how to add a variant while no step has one', async () => {
    const reply = await ws.command('abtest');
    expect(reply.text).toContain('No A/B tests yet');
    expect(reply.text).toContain('`/sales-ops sequence edit`');
  });

  it('shows the same z, p, planned sample and P(B > A) as the A/B engine for the recorded counts', async () => {
    const sequence = withVariant();
    await ws.jobs.followups.sequences.save(TEAM_ID, sequence);
    const key = stepKey(sequence, 0);
    const k = followupKeys(ws.store.keys);
    await ws.redis.hset(k.ab(TEAM_ID, key), {
      'a:sends': 1200,
      'a:replies': 48,
      'b:sends': 1180,
      'b:replies': 83,
    });
    await ws.redis.sadd(k.abIndex(TEAM_ID), key);

    const reply = await ws.command('abtest');
    const expected = abVerdict({ a: { sends: 1200, replies: 48 }, b: { sends: 1180, replies: 83 } });
    const text = JSON.stringify(reply.blocks);
    expect(reply.text).toContain('1 step under test');
    expect(text).toContain('48 / 1,200 replied · 4.0%');
    expect(text).toContain('83 / 1,180 replied · 7.0%');
    expect(text).toContain(`z = ${expected.z.toFixed(2)}`);
    expect(text).toContain(expected.p < 0.001 ? 'p < 0.001' : `p = ${expected.p.toFixed(3)}`);
    expect(text).toContain(`${expected.neededPerArm.toLocaleString('en-US')} sends per variant`);
    expect(text).toContain(`${(expected.pBBeatsA * 100).toFixed(1)}%`);
    expect(text).toContain(expected.reason.slice(0, 40));
  });

  it("fixes the plan from the step's own rate when variant B is saved, and keeps it as A's rate moves", async () => {
    const k = followupKeys(ws.store.keys);
    const key = stepKey(DEFAULT_SEQUENCE, 0);
    // Before the test the step's single template got 100 replies in 1,000 sends: a 10 % baseline.
    await ws.redis.hset(k.ab(TEAM_ID, key), { 'single:sends': 1000, 'single:replies': 100 });
    await ws.redis.sadd(k.abIndex(TEAM_ID), key);

    await ws.slack.sendSlashCommand({ text: 'sequence edit default', userId: REP_ID, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.views().length).toBe(1);
    const saved = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: {
        [stepBlockId(0, 'b_subject')]: 'Quick idea for {{company}}',
        [stepBlockId(0, 'b_body')]: 'Hi {{first_name}}, one idea for {{company}}.',
      },
    });
    expect(saved.body).toBe('');
    await expect.poll(async () => (await ws.jobs.followups.ab.get(TEAM_ID, key)).plan?.baseline).toBe(0.1);

    // A then runs at 4 %: sized from it, the plan would shrink; the fixed one does not move.
    await ws.redis.hset(k.ab(TEAM_ID, key), {
      'a:sends': 500,
      'a:replies': 20,
      'b:sends': 500,
      'b:replies': 31,
    });
    const text = JSON.stringify((await ws.command('abtest')).blocks);
    const fixed = (await ws.jobs.followups.ab.get(TEAM_ID, key)).plan;
    // 10 % with the default lift of half of it (5 points).
    expect(fixed?.neededPerArm).toBe(planAbTest({ baseline: 0.1, basis: 'before' }).neededPerArm);
    expect(text).toContain(`${fixed?.neededPerArm.toLocaleString('en-US')} sends per variant`);
    expect(text).toContain(
      "Fixed at the start, baseline 10.0%: this step's 10.0% over 1,000 sends before the test",
    );
    const unplanned = abVerdict({ a: { sends: 500, replies: 20 }, b: { sends: 500, replies: 31 } });
    expect(unplanned.neededPerArm).not.toBe(fixed?.neededPerArm);
  });

  it('fixes the plan at the first reading when the test started with no reply to size it from', async () => {
    const sequence = withVariant();
    await ws.jobs.followups.sequences.save(TEAM_ID, sequence);
    const key = stepKey(sequence, 0);
    const k = followupKeys(ws.store.keys);
    await ws.redis.hset(k.ab(TEAM_ID, key), {
      'a:sends': 200,
      'a:replies': 10,
      'b:sends': 200,
      'b:replies': 12,
    });
    await ws.redis.sadd(k.abIndex(TEAM_ID), key);
    const first = JSON.stringify((await ws.command('abtest')).blocks);
    expect(first).toContain(
      "Fixed at the start, baseline 5.0%: A's 5.0% over 200 sends, when the plan was fixed",
    );
    const plan = (await ws.jobs.followups.ab.get(TEAM_ID, key)).plan;
    await ws.redis.hset(k.ab(TEAM_ID, key), { 'a:sends': 900, 'a:replies': 90 });
    await ws.command('abtest');
    expect((await ws.jobs.followups.ab.get(TEAM_ID, key)).plan).toEqual(plan);
  });
});
