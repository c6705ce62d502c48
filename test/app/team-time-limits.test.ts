import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDesign } from '../../src/engines/build-design.js';
import { resolveIntake } from '../../src/engines/intake.js';
import type { RecordedResponse } from '../../src/sandbox/index.js';
import { textOf } from '../commands/qualify/qualify-workspace.js';
import { deleteKeysUnder } from '../support/redis.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../support/stand-in.js';

const DAY_MS = 86_400_000;
const example = (name: string): unknown => parse(readFileSync(`examples/${name}.yml`, 'utf8'));

// The app's clock: the real one, moved back when a test needs a lead touched days ago.
let clock = (): Date => new Date();
let ws: Workspace;

beforeAll(async () => {
  ws = await startWorkspace({ now: () => clock() });
});
afterAll(async () => {
  await ws.stop();
});
beforeEach(async () => {
  clock = () => new Date();
  ws.slack.reset();
  await deleteKeysUnder(ws.app.redis, ws.app.prefix);
});

const saveProfile = (name: string) =>
  ws.app.store.profiles.save(TEAM_ID, example(name), { by: REP_ID, at: new Date() });

async function replyTo(text: string): Promise<RecordedResponse> {
  const before = ws.slack.responses().length;
  await ws.slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID });
  await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBeGreaterThan(before);
  const found = ws.slack.responses()[before];
  if (found === undefined) throw new Error('no reply');
  return found;
}

const QUALIFY = 'qualify Acme framework=bant budget=approved authority=vp need=high timeline=asap';

/** Qualifies Acme, then qualifies it again 20 days later with the same answers; returns the second scorecard. */
async function requalifyAfterTwentyQuietDays(): Promise<string> {
  const start = Date.now() - 20 * DAY_MS;
  clock = () => new Date(start);
  expect(textOf((await replyTo(QUALIFY)).body)).toContain('*Qualified* · 4/4');
  clock = () => new Date();
  return textOf((await replyTo(QUALIFY)).body);
}

describe('the lead stale limit follows the profile’s sales cycle', () => {
  it('keeps a lead quiet for 20 days qualified in a 270-day enterprise sale', async () => {
    await saveProfile('enterprise-manufacturer');
    const text = await requalifyAfterTwentyQuietDays();
    expect(text).toContain('*Qualified* · 4/4');
    expect(text).not.toContain('no activity for');
    const lead = await ws.app.store.leads.find(TEAM_ID, 'Acme');
    expect(lead?.scoreHistory.map((s) => s.verdict)).toEqual(['qualified', 'qualified']);
  });

  it('disqualifies the same lead as stale in a 6-day SMB sale, naming the limit', async () => {
    await saveProfile('smb-salon');
    const text = await requalifyAfterTwentyQuietDays();
    expect(text).toContain('Disqualified');
    expect(text).toMatch(/no activity for 20 days since \d{4}-\d{2}-\d{2}; the limit is 5/);
    const lead = await ws.app.store.leads.find(TEAM_ID, 'Acme');
    expect(lead?.scoreHistory.map((s) => s.verdict)).toEqual(['qualified', 'disqualified']);
  });

  it('does not judge a quiet spell without a profile, as before', async () => {
    const text = await requalifyAfterTwentyQuietDays();
    expect(text).toContain('*Qualified* · 4/4');
  });
});

describe('/sales-ops pipeline and the blueprint agree', () => {
  it('shows the manufacturer’s own stages and funnel probabilities, as the blueprint does', async () => {
    await saveProfile('enterprise-manufacturer');
    const design = buildDesign(resolveIntake(example('enterprise-manufacturer')));
    const text = JSON.stringify((await replyTo('pipeline')).message?.blocks);
    const open = design.stages.filter((s) => s.name !== 'Closed Won' && s.name !== 'Closed Lost');
    expect(open.map((s) => s.name)).toContain('Plant Trial');
    for (const stage of open) {
      expect(text).toContain(stage.name);
      expect(text).toMatch(new RegExp(`${stage.name}[^"]*?${stage.probability}%`));
    }
    expect(design.stages.find((s) => s.name === 'Qualified')?.probability).toBe(13);
    expect(design.stages.find((s) => s.name === 'Proposal')?.probability).toBe(43);
    expect(text).not.toContain('25%*');
  });
});

describe('/sales-ops crm on the team’s time limits', () => {
  it('prints the stale limit scaled to a 270-day cycle in the hygiene rules', async () => {
    await saveProfile('enterprise-manufacturer');
    await ws.slack.sendSlashCommand({ text: 'crm', userId: REP_ID, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.files().length, { timeout: 5000 }).toBe(6);
    const rules = JSON.stringify(ws.slack.messages(CHANNEL_ID).map((m) => m.blocks));
    expect(rules).toContain('Open deals move (change stage) at least every 54 days.');
    expect(rules).not.toContain('every 14 days');
    expect(rules).toContain('Plant Trial');
  });
});
