import { describe, expect, it } from 'vitest';
import {
  DISQUALIFY_VIEW,
  evidenceBlockId,
  levelBlockId,
  QUALIFY_VIEW,
  SCORECARD_ACTIONS,
} from '../../../src/views/qualify/ids.js';
import { CHANNEL_ID, NOW, REP_ID, TEAM_ID, textOf, useQualifyWorkspace } from './qualify-workspace.js';

const ws = useQualifyWorkspace();

/** Qualifies Acme inline with a budget below the deal size, and returns where its scorecard sits. */
async function scorecard() {
  await ws.command('qualify Acme budget=25k amount=50k authority=vp need=high timeline=asap');
  const reply = await ws.reply();
  const ts = reply.message?.ts;
  if (!ts) throw new Error('no scorecard');
  return { channel: CHANNEL_ID, ts };
}

const press = (actionId: string, message: { channel: string; ts: string }, value?: string) =>
  ws.slack.sendBlockAction({ userId: REP_ID, actionId, message, ...(value ? { value } : {}) });

describe('moving a lead from its scorecard', () => {
  it('moves it, lists the exit criteria of the stage left that are not met, and records the move either way', async () => {
    const card = await scorecard();
    await press(SCORECARD_ACTIONS.moveStage, card, 'Qualified');
    const first = textOf((await ws.reply(1)).body);
    expect(first).toContain('Moved *Acme* from *Lead* to *Qualified*.');
    expect(first).toContain('Also confirm what the answers cannot show: contact made.');

    await press(SCORECARD_ACTIONS.moveStage, card, 'Discovery');
    const second = await ws.reply(2);
    expect(second.effect).toBe('ephemeral');
    expect(textOf(second.body)).toContain(
      ':warning: Moved *Acme* from *Qualified* to *Discovery*. The exit criteria of Qualified are not met:\n• Budget: Partial, needs Confirmed\nThe move is recorded as made without them.',
    );

    const lead = await ws.app.store.leads.get(TEAM_ID, 'c:acme');
    expect(lead?.stage).toBe('Discovery');
    expect(lead?.stageHistory).toEqual([
      { stage: 'Lead', enteredAt: NOW.toISOString(), by: REP_ID, exitCriteriaMet: true, unmet: [] },
      { stage: 'Qualified', enteredAt: NOW.toISOString(), by: REP_ID, exitCriteriaMet: true, unmet: [] },
      {
        stage: 'Discovery',
        enteredAt: NOW.toISOString(),
        by: REP_ID,
        exitCriteriaMet: false,
        unmet: ['budget'],
      },
    ]);
    expect(await ws.app.store.leads.idsInStage(TEAM_ID, 'Discovery')).toEqual(['c:acme']);
    // Only the move without its exit criteria waits for the deal alerts (the stage-skipped rule).
    expect(await ws.app.store.alerts.recentMoves(TEAM_ID)).toMatchObject([
      {
        leadId: 'c:acme',
        ownerId: REP_ID,
        from: 'Qualified',
        stage: 'Discovery',
        exitCriteriaMet: false,
        unmet: ['budget'],
        skipped: [],
      },
    ]);
  });

  it('shows the rep’s leads by stage on the Home tab', async () => {
    const card = await scorecard();
    await press(SCORECARD_ACTIONS.moveStage, card, 'Proposal');
    await ws.reply(1);
    expect((await ws.app.store.alerts.recentMoves(TEAM_ID)).map((m) => m.skipped)).toEqual([
      ['Qualified', 'Discovery'],
    ]);
    await ws.command('qualify Globex budget=none authority=vp need=high timeline=asap');
    await ws.reply(2);
    await ws.slack.sendAppHomeOpened(REP_ID);
    await ws.slack.waitForCall('views.publish');
    const home = textOf(ws.slack.homeOf(REP_ID)?.blocks);
    expect(home).toContain('*My leads by stage*');
    expect(home).toContain('*Lead* (1)\n• *Globex* · 3/4 · disqualified');
    expect(home).toContain('*Proposal* (1)\n• *Acme* · 3/4 · qualified');
    expect(home.indexOf('*Lead* (1)')).toBeLessThan(home.indexOf('*Proposal* (1)'));
  });
});

describe('the other scorecard buttons', () => {
  it('shares a read-only copy in the channel, saying who shared it', async () => {
    const card = await scorecard();
    await press(SCORECARD_ACTIONS.share, card, 'c:acme');
    const shared = await ws.reply(1);
    expect(shared.effect).toBe('in_channel');
    const text = textOf(shared.body);
    expect(text).toContain('Acme · BANT scorecard');
    expect(text).toContain(`Shared by <@${REP_ID}>`);
    expect(text).not.toContain('Disqualify');
  });

  it('reopens the modal with the stored answers, and the update keeps the same lead', async () => {
    const card = await scorecard();
    await press(SCORECARD_ACTIONS.update, card, 'c:acme');
    await ws.slack.waitForCall('views.open');
    const view = ws.slack.views()[0]?.views[0];
    expect(view?.callback_id).toBe(QUALIFY_VIEW.callbackId);
    const budget = view?.blocks.find((b) => b.block_id === levelBlockId('budget'));
    expect(JSON.stringify(budget)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Partial"',
    );
    expect(JSON.stringify(view)).toContain('"initial_value":"$50,000"');

    await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: {
        [QUALIFY_VIEW.blocks.company]: 'Acme Holdings',
        [levelBlockId('budget')]: 'confirmed',
        [evidenceBlockId('budget')]: 'PO raised',
      },
    });
    await expect.poll(() => ws.slack.messages(CHANNEL_ID).length, { timeout: 3000 }).toBe(2);
    const lead = await ws.app.store.leads.get(TEAM_ID, 'c:acme');
    expect(lead?.company).toBe('Acme Holdings');
    expect(lead?.scoreHistory.map((s) => s.score)).toEqual([3, 4]);
    expect(lead?.answers.budget).toEqual({ level: 'confirmed', evidence: 'PO raised' });
  });

  it('asks why before disqualifying, and records the reason', async () => {
    const card = await scorecard();
    await press(SCORECARD_ACTIONS.disqualify, card, 'c:acme');
    await ws.slack.waitForCall('views.open');
    expect(ws.slack.views()[0]?.views[0]?.callback_id).toBe(DISQUALIFY_VIEW.callbackId);

    const missing = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [DISQUALIFY_VIEW.blocks.reason]: 'other' },
    });
    expect(missing.body).toMatchObject({
      response_action: 'errors',
      errors: { [DISQUALIFY_VIEW.blocks.note]: 'Say why the lead is not a fit when the reason is Other.' },
    });
    expect((await ws.app.store.leads.get(TEAM_ID, 'c:acme'))?.disqualified).toBeUndefined();

    await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: {
        [DISQUALIFY_VIEW.blocks.reason]: 'competitor-or-student',
        [DISQUALIFY_VIEW.blocks.note]: 'Signed with a rival',
      },
    });
    await expect.poll(() => ws.slack.messages(CHANNEL_ID).length, { timeout: 3000 }).toBe(2);
    expect(ws.slack.messages(CHANNEL_ID)[1]?.text).toContain('Disqualified *Acme*');
    const lead = await ws.app.store.leads.get(TEAM_ID, 'c:acme');
    expect(lead?.disqualified).toEqual({
      reason: 'Competitor or student: Signed with a rival',
      at: NOW.toISOString(),
      by: REP_ID,
    });
    expect(lead?.scoreHistory.at(-1)?.verdict).toBe('disqualified');
  });

  it('says so when the lead behind a scorecard is gone', async () => {
    const card = await scorecard();
    await ws.app.store.purgeTeam(TEAM_ID);
    await press(SCORECARD_ACTIONS.share, card, 'c:acme');
    expect(textOf((await ws.reply(1)).body)).toContain('That lead is no longer stored');
  });
});
