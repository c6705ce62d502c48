import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE, type Sequence } from '../../../src/engines/optimizer/index.js';
import { reminderJobId } from '../../../src/jobs/ids.js';
import {
  type FollowupsWorkspace,
  REP_ID,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';

const SECRET = 'CFO is about to be fired';
let ws: FollowupsWorkspace;

beforeEach(async () => {
  // The real clock: reminders are delayed jobs, and BullMQ compares their due time with it.
  ws = await startFollowupsWorkspace({ workers: true });
  // A first step that quotes the pain in its subject and body, whatever the default templates say.
  const [first, ...rest] = DEFAULT_SEQUENCE.steps;
  if (first === undefined) throw new Error('the default sequence has steps');
  const sequence: Sequence = {
    ...DEFAULT_SEQUENCE,
    steps: [
      {
        ...first,
        template: {
          subject: '{{company}}: {{pain_point}}',
          body: 'Hi {{first_name}}, about {{pain_point}}.',
        },
      },
      ...rest,
    ],
  };
  await ws.jobs.followups.sequences.save(TEAM_ID, sequence);
});
afterEach(async () => {
  await ws.stop();
});

/** A lead whose rep wrote something private in every criterion's evidence. */
async function qualifyGlobex(theirPain?: string): Promise<void> {
  const evidence = { level: 'confirmed', evidence: SECRET };
  await ws.store.leads.qualify(TEAM_ID, {
    company: 'Globex',
    contact: 'Hank Scorpio',
    ...(theirPain === undefined ? {} : { theirPain }),
    framework: 'bant',
    answers: { budget: evidence, authority: evidence, need: evidence, timeline: evidence },
    score: 4,
    maxScore: 4,
    verdict: 'qualified',
    by: REP_ID,
    at: new Date(),
    firstStage: 'Lead',
  });
}

async function firstReminder(): Promise<string> {
  await ws.command('sequence start Globex');
  const [enrolment] = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
  if (!enrolment) throw new Error('not enrolled');
  const job = await ws.jobs.followups.queues.reminders.getJob(reminderJobId(TEAM_ID, enrolment.id, 0));
  await job?.promote();
  await expect.poll(() => ws.slack.messages(REP_ID).length, { timeout: 5000 }).toBe(1);
  const [message] = ws.slack.messages(REP_ID);
  return JSON.stringify({ text: message?.text, blocks: message?.blocks });
}

const saveIcp = (painPoints: string[]) =>
  ws.store.profiles.save(
    TEAM_ID,
    { business: 'Initrode', model: 'inside', icp: { painPoints } },
    { by: REP_ID, at: new Date() },
  );

describe('follow-up templates never quote qualification evidence', () => {
  it('fills {{pain_point}} from the team ICP, never from what the rep wrote in the evidence', async () => {
    await saveIcp(['slow month-end close', 'manual reporting']);
    await qualifyGlobex();
    const reminder = await firstReminder();
    expect(reminder).toContain('Globex: slow month-end close');
    expect(reminder).toContain('about slow month-end close.');
    expect(reminder).not.toContain(SECRET);
  });

  it("prefers the buyer's pain in their own words over the ICP", async () => {
    await saveIcp(['slow month-end close']);
    await qualifyGlobex('closing the books takes two weeks');
    const reminder = await firstReminder();
    expect(reminder).toContain('Globex: closing the books takes two weeks');
    expect(reminder).not.toContain(SECRET);
  });

  it('leaves the pain missing, and says so, when neither the lead nor the ICP has one', async () => {
    await qualifyGlobex();
    const reminder = await firstReminder();
    expect(reminder).toContain('`{{pain_point}}`');
    expect(reminder).not.toContain(SECRET);
  });

  it("stores their_pain from the qualify command and uses it; the answers' evidence stays private", async () => {
    const scored = await ws.command(
      'qualify Globex budget=50k authority=vp need=high timeline="next quarter" contact="Hank Scorpio" their_pain="our forecasts are always late"',
    );
    expect(scored.text).toContain('Globex');
    const lead = await ws.store.leads.find(TEAM_ID, 'Globex');
    expect(lead?.theirPain).toBe('our forecasts are always late');
    expect(lead?.answers.need?.evidence).toBe('Stated as "high"');
    const reminder = await firstReminder();
    expect(reminder).toContain('Globex: our forecasts are always late');
    // The leak once seen in a real reminder: `Subject: Globex and Stated as "high"`.
    expect(reminder).not.toContain('Stated as');
  });
});
