import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../src/sandbox/index.js';
import { ICP_ACTIONS, ICP_VIEW } from '../../../src/views/icp/ids.js';
import { BLOCK_IDS, type IntakeField } from '../../../src/views/intake/index.js';
import {
  ANA,
  BEN,
  CHANNEL_ID,
  card,
  lastResponse,
  openCard,
  pressEdit,
  TEAM_ID,
  textOf,
  useIcpWorkspace,
} from './icp-workspace.js';

const ws = useIcpWorkspace();

const QUALIFY =
  'qualify Globex budget=$1.2m amount=50k authority=vp need=high timeline="next quarter" industry=Fintech country=Germany employees=300';

async function qualifyGlobex(): Promise<string> {
  const before = ws.slack.responses().length;
  await ws.slack.sendSlashCommand({ text: QUALIFY, userId: ANA, channelId: CHANNEL_ID });
  await expect.poll(() => ws.slack.responses().length).toBeGreaterThan(before);
  return lastResponse(ws);
}

/** Ana builds and finalizes Acme Corp's ICP on the card: Fintech in DACH, 100–1,000 employees. */
async function finalizeAcmeIcp() {
  await openCard(ws, 'icp Acme Corp');
  await pressEdit(ws, ANA, 'industries');
  await ws.slack.sendViewSubmission({ userId: ANA, values: { [ICP_VIEW.itemsBlock]: 'Fintech\nInsurance' } });
  await pressEdit(ws, ANA, 'geography');
  await ws.slack.sendViewSubmission({ userId: ANA, values: { [ICP_VIEW.itemsBlock]: 'DACH' } });
  await pressEdit(ws, ANA, 'companySize');
  await ws.slack.sendViewSubmission({
    userId: ANA,
    values: { [ICP_VIEW.minBlock]: '100', [ICP_VIEW.maxBlock]: '1000' },
  });
  await ws.slack.sendBlockAction({
    userId: ANA,
    actionId: ICP_ACTIONS.finalize,
    value: 'acme-corp',
    message: { channel: CHANNEL_ID, ts: card(ws).ts },
  });
  await expect.poll(() => ws.app.store.finalizedIcp(TEAM_ID)).toBeDefined();
}

const saveProfile = () =>
  ws.app.store.profiles.save(
    TEAM_ID,
    {
      business: 'Acme Corp',
      model: 'inside',
      icp: { industries: ['Retail'], geography: ['United States'], companySize: { min: 10, max: 50 } },
    },
    { by: ANA, at: new Date() },
  );

describe('the finalized ICP put to use', () => {
  it('is the reference for the ICP fit of a newly qualified lead, with each contribution', async () => {
    await saveProfile();
    const before = await qualifyGlobex();
    expect(before).toContain("against the business profile's ICP");
    expect(before).toContain('Fintech is not one of Retail');
    expect(before).toContain('Germany is outside United States');
    const scoreBefore = Number(/ICP fit (\d+)\/100/.exec(before)?.[1]);

    await finalizeAcmeIcp();
    const after = await qualifyGlobex();
    expect(after).toContain("against the team's final ICP (version 1)");
    expect(after).toContain('Industry 25/25: Fintech is one of Fintech, Insurance');
    expect(after).toContain('Geography 15/15: Germany is within DACH');
    expect(after).toContain('Company size 20/20: 300 employees is within 100–1,000');
    expect(Number(/ICP fit (\d+)\/100/.exec(after)?.[1])).toBeGreaterThan(scoreBefore);
  });

  it('refuses company facts it cannot read, naming the field', async () => {
    await saveProfile();
    await ws.slack.sendSlashCommand({ text: `${QUALIFY} revenue=lots`, userId: ANA, channelId: CHANNEL_ID });
    await expect
      .poll(() => lastResponse(ws))
      .toContain('revenue: \\"lots\\" is not a number; try revenue=20m');
    expect(await ws.app.store.leads.find(TEAM_ID, 'Globex')).toBeUndefined();
  });

  it('pre-fills the intake ICP step and fills the blueprint ICP box', async () => {
    await finalizeAcmeIcp();
    await ws.slack.sendSlashCommand({ text: 'Acme Corp', userId: ANA, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.views().length).toBe(1);
    const byId = (v: Partial<Record<IntakeField, FieldValue>>) =>
      Object.fromEntries(Object.entries(v).map(([f, x]) => [BLOCK_IDS[f as IntakeField], x ?? null]));
    await ws.slack.sendViewSubmission({ userId: ANA, values: byId({ model: 'inside' }) });
    const icpStep = ws.slack.views()[0]?.views.at(-1);
    expect(textOf(icpStep)).toContain('Fintech, Insurance');
    for (const step of [{}, {}, {}, { framework: 'auto' }] as Partial<Record<IntakeField, FieldValue>>[])
      await ws.slack.sendViewSubmission({ userId: ANA, values: byId(step) });
    await expect.poll(() => ws.app.store.blueprints.getLast(TEAM_ID), { timeout: 5000 }).toBeDefined();
    const blueprint = ws.slack
      .messages(CHANNEL_ID)
      .map((m) => textOf(m.blocks ?? []))
      .join('');
    expect(blueprint).toContain('IDEAL CUSTOMER PROFILE');
    expect(blueprint).toContain('Fintech, Insurance');
    expect(blueprint).toContain('DACH');
    expect((await ws.app.store.profiles.get(TEAM_ID))?.intake.icp?.industries).toEqual([
      'Fintech',
      'Insurance',
    ]);
  });

  it('lets only the ICP creator or an admin overwrite the profile once its ICP is final', async () => {
    await saveProfile();
    await finalizeAcmeIcp();
    await ws.slack.sendSlashCommand({ text: 'Acme Corp', userId: BEN, channelId: CHANNEL_ID });
    await expect
      .poll(() => lastResponse(ws))
      .toContain(`only <@${ANA}>, who started that ICP, or a workspace admin can replace it`);
    expect(ws.slack.calls('views.open')).toHaveLength(3);
  });

  it('shows the ICP on the Home tab with its version, open suggestions and a button to the card', async () => {
    await openCard(ws, 'icp Acme Corp');
    await ws.slack.sendAppHomeOpened(BEN);
    await expect
      .poll(() => textOf(ws.slack.homeOf(BEN) ?? {}))
      .toContain('Ideal customer profile: Acme Corp');
    const home = textOf(ws.slack.homeOf(BEN));
    expect(home).toContain('Editing version 1 (not finalized yet) · 0 open suggestions');
    expect(home).toContain(ICP_ACTIONS.showCard);
  });
});
