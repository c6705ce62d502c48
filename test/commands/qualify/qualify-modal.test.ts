import { describe, expect, it } from 'vitest';
import { QUALIFY_SHORTCUT_CALLBACK_ID } from '../../../src/commands/qualify/shortcut.js';
import { evidenceBlockId, levelBlockId, QUALIFY_VIEW } from '../../../src/views/qualify/ids.js';
import { CHANNEL_ID, REP_ID, TEAM_ID, textOf, useQualifyWorkspace } from './qualify-workspace.js';

const ws = useQualifyWorkspace();
const { blocks } = QUALIFY_VIEW;

/** The modal the rep has open, once views.open has been called. */
async function openModal() {
  await ws.slack.waitForCall('views.open');
  const view = ws.slack.views()[0]?.views[0];
  if (!view) throw new Error('no modal is open');
  return view;
}

const inputIds = (view: { blocks: { type: string; block_id?: string }[] }) =>
  view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);

describe('the qualify modal', () => {
  it('opens for `/sales-ops qualify Acme` with the lead’s name and one level and note per BANT criterion', async () => {
    await ws.command('qualify Acme');
    const view = await openModal();
    expect(view.callback_id).toBe(QUALIFY_VIEW.callbackId);
    expect(inputIds(view)).toEqual([
      blocks.company,
      ...['budget', 'authority', 'need', 'timeline'].flatMap((c) => [levelBlockId(c), evidenceBlockId(c)]),
      blocks.contact,
      blocks.domain,
      blocks.amount,
      blocks.theirPain,
    ]);
    expect(JSON.stringify(view)).toContain('"initial_value":"Acme"');
    expect(textOf(view.blocks)).toContain('*BANT* (v1.0.0), from the default');
    expect(textOf(view.blocks)).toContain('Red flag (red flag)');
  });

  it('uses the workspace’s framework setting, and framework= in the command over it', async () => {
    await ws.app.store.settings.update(TEAM_ID, { framework: 'meddic' });
    await ws.command('qualify Acme');
    const view = await openModal();
    expect(inputIds(view)).toContain(levelBlockId('economic_buyer'));
    expect(textOf(view.blocks)).toContain('from the workspace setting');

    ws.slack.reset();
    await ws.command('qualify Acme framework=spin');
    const spin = await openModal();
    expect(inputIds(spin)).toContain(levelBlockId('need_payoff'));
    expect(inputIds(spin)).not.toContain(levelBlockId('economic_buyer'));
  });

  it('scores and stores the submitted lead and shows the scorecard to the rep in the channel', async () => {
    await ws.command('qualify Acme');
    await openModal();
    const ack = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: {
        [levelBlockId('budget')]: 'confirmed',
        [evidenceBlockId('budget')]: 'CFO approved $60k on the call',
        [levelBlockId('authority')]: 'confirmed',
        [levelBlockId('need')]: 'partial',
        [levelBlockId('timeline')]: 'confirmed',
        [blocks.contact]: 'Ana Ruiz',
        [blocks.domain]: 'https://www.acme.com/',
        [blocks.amount]: '$55k',
        [blocks.theirPain]: 'our forecasts are always late',
      },
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    expect(ws.slack.views()).toEqual([]);
    await expect.poll(() => ws.slack.messages(CHANNEL_ID).length, { timeout: 3000 }).toBe(1);
    const [card] = ws.slack.messages(CHANNEL_ID);
    expect(card).toMatchObject({ ephemeral: true, ephemeralTo: REP_ID });
    const text = textOf(card?.blocks);
    expect(text).toContain('*Qualified* · 3/4');
    expect(text).toContain('> CFO approved $60k on the call');
    expect(text).toContain('Authority*: Confirmed (1/1)\n_no evidence recorded_');
    expect(text).toContain('Contact Ana Ruiz · acme.com · $55,000');

    const lead = await ws.app.store.leads.find(TEAM_ID, 'Acme', 'acme.com');
    expect(lead).toMatchObject({
      id: 'd:acme.com',
      contact: { name: 'Ana Ruiz' },
      amount: 55_000,
      theirPain: 'our forecasts are always late',
      answers: { budget: { level: 'confirmed', evidence: 'CFO approved $60k on the call' } },
      scoreHistory: [{ score: 3, maxScore: 4, verdict: 'qualified' }],
    });
  });

  it('puts problems inline on their fields, keeps the form and stores nothing', async () => {
    await ws.command('qualify Acme');
    await openModal();
    const ack = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [blocks.company]: '   ', [blocks.amount]: 'lots', [blocks.domain]: 'not a domain' },
    });
    expect(ack.body).toMatchObject({
      response_action: 'errors',
      errors: {
        [blocks.company]: 'Enter the company you are qualifying, e.g. Acme Co.',
        [blocks.amount]:
          "Deal amount: could not read 'lots' as an amount; try 50k, 1.2 million or 75000 USD, or leave it empty",
        [blocks.domain]: 'Enter a domain such as acme.com, or leave it empty.',
      },
    });
    expect(ws.slack.views()[0]?.errors).toMatchObject({ [blocks.company]: expect.any(String) });
    expect(await ws.leadKeys()).toEqual([]);
  });
});

describe('the "Qualify a lead" shortcut', () => {
  it('opens the same modal, and the scorecard arrives in the rep’s DM since a shortcut has no channel', async () => {
    const ack = await ws.slack.sendShortcut({ callbackId: QUALIFY_SHORTCUT_CALLBACK_ID, userId: REP_ID });
    expect(ack.status).toBe(200);
    const view = await openModal();
    expect(view.callback_id).toBe(QUALIFY_VIEW.callbackId);
    expect(inputIds(view)).toContain(levelBlockId('timeline'));

    await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [blocks.company]: 'Globex', [levelBlockId('need')]: 'confirmed' },
    });
    await expect.poll(() => ws.slack.messages(REP_ID).length, { timeout: 3000 }).toBe(1);
    const text = textOf(ws.slack.messages(REP_ID)[0]?.blocks);
    expect(text).toContain('Globex · BANT scorecard');
    expect(text).toContain('*Nurture* · 1/4');
    expect(text).not.toContain('Share in channel');
    expect((await ws.app.store.leads.find(TEAM_ID, 'Globex'))?.ownerId).toBe(REP_ID);
  });
});
