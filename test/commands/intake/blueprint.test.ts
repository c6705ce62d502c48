import { describe, expect, it } from 'vitest';
import { CODE_CLOSE, CODE_OPEN } from '../../../src/blocks/blueprint-messages.js';
import { unescapeMrkdwn } from '../../../src/blocks/format.js';
import { checkMessage } from '../../../src/blocks/limits.js';
import { QUICK_ACTION_IDS } from '../../../src/commands/help/command.js';
import { renderBlueprint, SECTION_TITLES } from '../../../src/engines/blueprint/index.js';
import { buildDesign } from '../../../src/engines/build-design.js';
import { resolveIntake } from '../../../src/engines/intake.js';
import type { FieldValue, StoredMessage } from '../../../src/sandbox/index.js';
import {
  BLOCK_IDS,
  INTAKE_DONE_CALLBACK_ID,
  type IntakeField,
  parseIntakeMetadata,
} from '../../../src/views/intake/index.js';
import { CHANNEL_ID, REP_ID, TEAM_ID, useWorkspace } from '../../support/stand-in.js';

const OUTSIDE_ID = 'C0OUTSIDE1';

const ws = useWorkspace((started) =>
  started.slack.addChannel({ id: OUTSIDE_ID, name: 'deals', botIsMember: false }),
);

/** The five steps as a RevOps admin fills them in for Acme Corp. */
const STEPS: Partial<Record<IntakeField, FieldValue>>[] = [
  {
    model: 'hybrid',
    dealSize: '$42,000',
    segment: 'mid-market',
    motion: 'consultative',
    timezone: 'America/New_York',
  },
  {
    industries: 'B2B SaaS, Fintech, Logistics',
    sizeMin: '200',
    sizeMax: '2000',
    revenueMin: '20m',
    revenueMax: '250m',
    geography: 'North America, United Kingdom',
    painPoints: 'Forecasts miss by more than 20%\nReps spend hours a week on manual CRM updates',
    buyingTriggers: 'New VP of Sales or RevOps hire\nSeries B or later funding round',
  },
  {
    leadSources: [
      'Inbound demo requests | 140 | high | $180',
      'Outbound SDR | 260 | medium | $420',
      'Partner referrals | 35 | high | $90',
      'Webinars | 90 | low | $150',
    ].join('\n'),
  },
  {
    cycleDays: '54',
    cvrCurrent: '11',
    cvrTarget: '15',
    mqlToSqlCurrent: '26',
    mqlToSqlTarget: '30',
    sqlToOppCurrent: '48',
    sqlToOppTarget: '55',
    closeRateCurrent: '21',
    closeRateTarget: '25',
    quarterlyQuota: '1.8m',
  },
  { framework: 'auto' },
];

const byBlockId = (values: Partial<Record<IntakeField, FieldValue>>) =>
  Object.fromEntries(
    Object.entries(values).map(([field, v]) => [BLOCK_IDS[field as IntakeField], v ?? null]),
  );

/** Runs `/sales-ops Acme Corp` in a channel and submits every step; returns the last step's ack. */
async function completeIntake(channelId: string, from = 1) {
  const opened = ws.slack.calls('views.open').length;
  await ws.slack.sendSlashCommand({ text: 'Acme Corp', userId: REP_ID, channelId });
  await expect.poll(() => ws.slack.calls('views.open').length, { timeout: 3000 }).toBeGreaterThan(opened);
  let ack: Awaited<ReturnType<typeof ws.slack.sendViewSubmission>> | undefined;
  for (const values of STEPS.slice(from - 1)) {
    ack = await ws.slack.sendViewSubmission({ userId: REP_ID, values: byBlockId(values) });
    expect(ack.body).toMatchObject({ response_action: 'update' });
  }
  if (ack === undefined) throw new Error('no step was submitted');
  return ack;
}

/** The text of a code-block section, as the person reads it. */
function codeOf(block: unknown): string {
  const text = (block as { text?: { text?: string } }).text?.text ?? '';
  expect(text.startsWith(CODE_OPEN) && text.endsWith(CODE_CLOSE)).toBe(true);
  return unescapeMrkdwn(text.slice(CODE_OPEN.length, -CODE_CLOSE.length));
}

const posted = (channel: string) => ws.slack.messages(channel).filter((m) => !m.ephemeral);

describe('a complete intake', () => {
  it('posts the summary, the blueprint in the thread and the files, and saves the profile', async () => {
    const last = await completeIntake(CHANNEL_ID);
    expect(last.elapsedMs).toBeLessThan(3000);
    expect(ws.slack.views()[0]?.views[0]?.callback_id).toBe(INTAKE_DONE_CALLBACK_ID);

    await expect.poll(() => ws.app.store.blueprints.getLast(TEAM_ID), { timeout: 5000 }).toBeDefined();
    expect(ws.slack.files()).toHaveLength(2);
    const [summary, ...thread] = posted(CHANNEL_ID);
    if (summary === undefined) throw new Error('no summary was posted');
    expect(summary.thread_ts ?? summary.ts).toBe(summary.ts);
    expect(JSON.stringify(summary.blocks)).toContain('Sales operations blueprint · Acme Corp');
    expect(summary.text).toContain('SPIN framework, Pipeline Health');

    const replies = thread.filter((m): m is StoredMessage & { blocks: unknown[] } => m.blocks !== undefined);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.thread_ts).toBe(summary.ts);
    for (const call of ws.slack.calls('chat.postMessage'))
      expect(checkMessage(call.args)).toEqual({ ok: true });

    const summaryRecord = await ws.app.store.blueprints.getLast(TEAM_ID);
    const profile = await ws.app.store.profiles.get(TEAM_ID);
    if (summaryRecord === undefined || profile === undefined) throw new Error('nothing was saved');
    const expected = renderBlueprint(buildDesign(resolveIntake(profile.intake)), {
      now: summaryRecord.generatedAt,
    });
    const shownInThread = replies.flatMap((m) => m.blocks.map(codeOf)).join('');
    expect(shownInThread).toBe(expected);
    for (const title of [SECTION_TITLES.header, SECTION_TITLES.stages, SECTION_TITLES.metrics])
      expect(shownInThread).toContain(title);

    const text = ws.slack.files().find((f) => f.name === 'sales-ops-blueprint-acme-corp.txt');
    expect(text?.content.toString('utf8')).toBe(expected);
    expect(text).toMatchObject({ channels: [CHANNEL_ID], thread_ts: summary.ts });
    const playbook = ws.slack.files().find((f) => f.name === 'sales-ops-playbook-acme-corp.md');
    expect(playbook?.content.toString('utf8')).toContain('# Sales Operations Blueprint: Acme Corp');

    expect(profile).toMatchObject({
      updatedBy: REP_ID,
      intake: {
        business: 'Acme Corp',
        model: 'hybrid',
        deal: { averageSize: 42000 },
        team: { quarterlyQuota: 1_800_000 },
      },
    });
    expect(profile.intake.leadSources).toHaveLength(4);
    expect(summaryRecord).toMatchObject({ business: 'Acme Corp', framework: 'spin', channel: CHANNEL_ID });
    expect(summaryRecord.ts).toBe(summary.ts);
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toBeUndefined();

    await expect
      .poll(() => JSON.stringify(ws.slack.homeOf(REP_ID) ?? ''))
      .toContain('Last blueprint: Acme Corp');
  });

  it('sends the person back to the step at fault when the whole intake does not hold together', async () => {
    await ws.app.store.drafts.save(
      TEAM_ID,
      REP_ID,
      { intake: { business: 'Acme Corp' }, step: 5, channelId: CHANNEL_ID },
      new Date(),
    );
    await ws.slack.sendSlashCommand({ text: 'Acme Corp', userId: REP_ID, channelId: CHANNEL_ID });
    await ws.slack.waitForCall('views.open');
    const ack = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: byBlockId({ framework: 'bant' }),
    });
    expect(ack.body).toMatchObject({ response_action: 'update' });
    const view = ws.slack.views()[0]?.views[0];
    expect(parseIntakeMetadata(view?.private_metadata ?? '').step).toBe(1);
    expect(JSON.stringify(view?.blocks)).toContain('Sales model: This is needed to build the blueprint');
    expect(ws.slack.calls('chat.postMessage')).toEqual([]);
    expect(await ws.app.store.profiles.get(TEAM_ID)).toBeUndefined();
  });
});

describe('an intake started from the Home tab', () => {
  it("posts the blueprint in the person's DM with the app, since the Home tab has no channel", async () => {
    await ws.slack.sendAppHomeOpened(REP_ID);
    await ws.slack.waitForCall('views.publish');
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.design,
      viewId: ws.slack.homeOf(REP_ID)?.id ?? '',
    });
    await ws.slack.waitForCall('views.open');
    const [first, ...rest] = STEPS;
    for (const values of [{ ...first, business: 'Acme Corp' }, ...rest])
      await ws.slack.sendViewSubmission({ userId: REP_ID, values: byBlockId(values) });
    await expect.poll(() => ws.app.store.blueprints.getLast(TEAM_ID), { timeout: 5000 }).toBeDefined();
    const [summary] = ws.slack.messages(REP_ID);
    expect(summary?.text).toContain('Sales operations blueprint for Acme Corp');
    expect(ws.slack.files()[0]?.channels).toEqual([summary?.channel]);
    expect(posted(CHANNEL_ID)).toEqual([]);
  });
});

describe('a channel the bot is not in', () => {
  it('tells the person how to invite the bot, keeps the answers, and posts once invited', async () => {
    await completeIntake(OUTSIDE_ID);
    await expect.poll(() => ws.slack.messages(REP_ID).length, { timeout: 5000 }).toBe(1);
    const [dm] = ws.slack.messages(REP_ID);
    expect(dm?.text).toContain(`<#${OUTSIDE_ID}>`);
    expect(dm?.text).toContain('`/invite @sales-ops`');
    expect(dm?.text).toContain('`/sales-ops design Acme Corp`');
    expect(dm?.text).toContain('Your answers are saved');
    expect(JSON.stringify(ws.slack.views()[0]?.views[0]?.blocks)).toContain('/invite @sales-ops');
    expect(posted(OUTSIDE_ID)).toEqual([]);
    expect(ws.slack.files()).toEqual([]);
    expect(await ws.app.store.profiles.get(TEAM_ID)).toMatchObject({ intake: { business: 'Acme Corp' } });
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 5 });
    expect(await ws.app.store.blueprints.getLast(TEAM_ID)).toBeUndefined();

    ws.slack.addChannel({ id: OUTSIDE_ID, name: 'deals', botIsMember: true });
    const ack = await completeIntake(OUTSIDE_ID, 5);
    expect(ack.body).toMatchObject({ response_action: 'update' });
    await expect.poll(() => ws.app.store.blueprints.getLast(TEAM_ID), { timeout: 5000 }).toBeDefined();
    expect(ws.slack.files()).toHaveLength(2);
    expect(posted(OUTSIDE_ID)[0]?.text).toContain('Sales operations blueprint for Acme Corp');
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toBeUndefined();
  });

  it('removes a half-posted blueprint when the thread cannot be finished, and says nothing was posted', async () => {
    ws.slack.failNext('files.completeUploadExternal', { error: 'internal_error' });
    await completeIntake(CHANNEL_ID);
    const notice = () => ws.slack.messages(CHANNEL_ID).find((m) => m.ephemeral && m.ephemeralTo === REP_ID);
    await expect.poll(notice, { timeout: 5000 }).toBeDefined();
    expect(notice()?.text).toContain('nothing was posted');
    expect(posted(CHANNEL_ID)).toEqual([]);
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 5 });
    expect(await ws.app.store.blueprints.getLast(TEAM_ID)).toBeUndefined();
  });
});
