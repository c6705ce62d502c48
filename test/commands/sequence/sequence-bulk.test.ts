import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStartTarget } from '../../../src/commands/sequence/start-many.js';
import { reminderJobId } from '../../../src/jobs/ids.js';
import {
  type FollowupsWorkspace,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { nextLocal, WEEKDAY } from '../../support/clock.js';

const NOW = nextLocal({ weekday: WEEKDAY.tuesday, hour: 9, zone: REP_ZONE }).toJSDate();
let ws: FollowupsWorkspace;

beforeEach(async () => {
  ws = await startFollowupsWorkspace({ now: () => NOW });
});
afterEach(async () => {
  await ws.stop();
});

const blockText = (blocks: unknown[]) => JSON.stringify(blocks);
const active = async () =>
  (await ws.jobs.followups.enrolments.listActive(TEAM_ID)).map((e) => e.leadName).sort();

describe('parseStartTarget', () => {
  it.each([
    ['Acme', { leads: ['Acme'] }],
    ['Acme, Globex ,Initech', { leads: ['Acme', 'Globex', 'Initech'] }],
    ['Globex, "Acme, Inc."', { leads: ['Globex', 'Acme, Inc.'] }],
    ['Globex, “Acme, Inc.”', { leads: ['Globex', 'Acme, Inc.'] }],
    ['Acme, Inc., Globex, GmbH', { leads: ['Acme, Inc.', 'Globex, GmbH'] }],
    ['Acme,, Globex,', { leads: ['Acme', 'Globex'] }],
    ['stage:Qualified', { stage: 'Qualified' }],
    ['stage = "Proposal sent"', { stage: 'Proposal sent' }],
    ['Stage Inc', { leads: ['Stage Inc'] }],
  ])('reads %s', (text, expected) => {
    expect(parseStartTarget(text)).toEqual(expected);
  });

  it('says how to quote a name when the quotes do not close', () => {
    expect(() => parseStartTarget('Globex, "Acme, Inc.')).toThrow(/put a name that has a comma in quotes/);
  });
});

describe('/sales-ops sequence start for several leads', () => {
  it('enrols each lead named once, in one answer, and lists the one already in a sequence', async () => {
    await ws.command('sequence start Globex');
    const reply = await ws.command('sequence start Acme, Globex, "Initech, Inc.", acme');
    expect(reply.text).toMatch(/^Enrolled 2 of 3 leads in "Default follow-up/);
    const text = blockText(reply.blocks);
    expect(text).toContain('*Acme*');
    expect(text).toContain('*Initech, Inc.*');
    expect(text).toContain('Not enrolled:');
    expect(text).toContain('Globex is already enrolled');
    expect(await active()).toEqual(['Acme', 'Globex', 'Initech, Inc.']);
    // Five reminder jobs per enrolled lead, none left behind for the refused one.
    const enrolments = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
    const expected = enrolments.flatMap((e) => [0, 1, 2, 3, 4].map((i) => reminderJobId(TEAM_ID, e.id, i)));
    const delayed = (await ws.jobs.followups.queues.reminders.getDelayed()).map((j) => j.id);
    expect(delayed.sort()).toEqual(expected.sort());
  });

  it("enrols every lead at a stage, each with its owner's reminders", async () => {
    for (const name of ['Acme', 'Globex', 'Initech'])
      await ws.command(`qualify ${name} budget=50k authority=vp need=high timeline="next quarter"`);
    const stage = (await ws.store.leads.find(TEAM_ID, 'Acme'))?.stage ?? '';
    expect(stage).not.toBe('');
    const reply = await ws.command(`sequence start stage:${stage}`);
    expect(reply.text).toMatch(/^Enrolled 3 of 3 leads in "Default follow-up/);
    expect(await active()).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('refuses a start it cannot carry out whole, and enrols nobody', async () => {
    const unknownStage = await ws.command('sequence start stage:Nowhere');
    expect(unknownStage.text).toContain('No lead is at the stage "Nowhere"');
    const names = Array.from({ length: 101 }, (_, i) => `Lead${i}`).join(', ');
    const tooMany = await ws.command(`sequence start ${names}`);
    expect(tooMany.text).toContain('More than 100 leads are named');
    const badQuotes = await ws.command('sequence start Globex, "Acme, Inc.');
    expect(badQuotes.text).toContain('put a name that has a comma in quotes');
    const noSequence = await ws.command('sequence start Acme, Globex using outbound-q9');
    expect(noSequence.text).toContain('There is no sequence `outbound-q9`');
    expect(await active()).toEqual([]);
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toEqual([]);
  });
});
