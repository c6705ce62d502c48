import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abVerdict, DEFAULT_SEQUENCE, type Sequence, stepKey } from '../../src/engines/optimizer/index.js';
import { followupKeys } from '../../src/store/enrolments-keys.js';
import { type FollowupsWorkspace, startFollowupsWorkspace, TEAM_ID } from '../jobs/support/workspace.js';

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
});
