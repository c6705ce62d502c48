import { describe, expect, it } from 'vitest';
import { ICP_ACTIONS, ICP_VIEW } from '../../../src/views/icp/ids.js';
import {
  ANA,
  BEN,
  CHANNEL_ID,
  CLEO,
  card,
  lastResponse,
  openCard,
  pressEdit,
  TEAM_ID,
  textOf,
  useIcpWorkspace,
} from './icp-workspace.js';

const ws = useIcpWorkspace();
const draft = async () => {
  const found = await ws.app.store.icp.get(TEAM_ID, 'acme');
  if (!found) throw new Error('no draft');
  return found;
};
let replyTs = 1_800_000_000;
/** A person replying in the card's thread, as the Events API delivers it. */
const replyInThread = (user: string, text: string) =>
  ws.slack.sendEvent({
    type: 'message',
    channel: CHANNEL_ID,
    user,
    text,
    ts: `${replyTs++}.000100`,
    thread_ts: card(ws).ts,
  });
const press = (userId: string, actionId: string, extra: { blockId?: string; value?: string } = {}) =>
  ws.slack.sendBlockAction({ userId, actionId, ...extra, message: { channel: CHANNEL_ID, ts: card(ws).ts } });

describe('suggestions on the ICP card', () => {
  it('lists a suggestion from the section menu until an editor accepts it, crediting both', async () => {
    await openCard(ws);
    await pressEdit(ws, BEN, 'painPoints', 'suggest');
    const ack = await ws.slack.sendViewSubmission({
      userId: BEN,
      values: { [ICP_VIEW.itemsBlock]: 'long sales cycles' },
    });
    expect(ack.body).toBe('');
    expect((await draft()).values.painPoints).toEqual([]);
    await expect.poll(() => textOf(card(ws).blocks)).toContain('Open suggestions (1)');
    expect(textOf(card(ws).blocks)).toContain('add \\"long sales cycles\\"');

    await press(ANA, ICP_ACTIONS.suggestionMenu, { blockId: 'icp_sg_1', value: 'accept|acme|1' });
    await expect.poll(async () => (await draft()).values.painPoints).toEqual(['long sales cycles']);
    expect((await draft()).sections.painPoints.contributors).toEqual([BEN, ANA]);
    await expect.poll(() => textOf(card(ws).blocks)).not.toContain('Open suggestions');
  });

  it('takes a thread reply that names a section as a suggestion, and a dismissed one changes nothing', async () => {
    await openCard(ws);
    await replyInThread(BEN, 'Company size: 50-500');
    await replyInThread(BEN, 'I think we should talk about this first');
    await expect.poll(() => textOf(card(ws).blocks)).toContain('set to 50–500 employees');
    expect(await ws.app.store.icp.suggestions(TEAM_ID, 'acme')).toHaveLength(1);

    await press(ANA, ICP_ACTIONS.suggestionMenu, { blockId: 'icp_sg_1', value: 'dismiss|acme|1' });
    await expect.poll(() => ws.app.store.icp.suggestions(TEAM_ID, 'acme')).toEqual([]);
    expect((await draft()).values.companySize).toBeUndefined();
  });

  it('sets a range when its suggestion is accepted, crediting who suggested it', async () => {
    await openCard(ws);
    await replyInThread(BEN, 'Annual revenue: 5m-50m');
    await expect.poll(() => textOf(card(ws).blocks)).toContain('set to $5M–$50M');
    await press(ANA, ICP_ACTIONS.suggestionMenu, { blockId: 'icp_sg_1', value: 'accept|acme|1' });
    await expect.poll(async () => (await draft()).values.annualRevenue).toEqual({ min: 5e6, max: 5e7 });
    expect((await draft()).sections.annualRevenue.contributors).toEqual([BEN, ANA]);
    await expect.poll(() => textOf(card(ws).blocks)).toContain('$5M–$50M');
  });

  it('explains privately why a thread suggestion cannot be read', async () => {
    await openCard(ws);
    await replyInThread(BEN, 'Company size: 500-50');
    await expect
      .poll(() =>
        ws.slack
          .messages(CHANNEL_ID)
          .filter((m) => m.ephemeral && m.ephemeralTo === BEN)
          .map((m) => m.text)
          .join(),
      )
      .toContain('minimum (500) is above the maximum (50)');
    expect(await ws.app.store.icp.suggestions(TEAM_ID, 'acme')).toEqual([]);
  });
});

describe('finalizing the ICP', () => {
  it('refuses someone who is neither the creator nor an admin, privately and politely, and locks nothing', async () => {
    await openCard(ws);
    await press(BEN, ICP_ACTIONS.finalize, { value: 'acme' });
    await expect
      .poll(() => lastResponse(ws))
      .toContain(`Only <@${ANA}>, who started the Acme ICP, or a workspace admin can finalize it`);
    expect(ws.slack.responses().at(-1)?.effect).toBe('ephemeral');
    expect(await ws.app.store.icp.history(TEAM_ID, 'acme')).toEqual([]);
  });

  it('lets an admin finalize; later edits start the next version and history keeps each with its contributors', async () => {
    await openCard(ws);
    await pressEdit(ws, BEN, 'industries');
    await ws.slack.sendViewSubmission({ userId: BEN, values: { [ICP_VIEW.itemsBlock]: 'Fintech' } });
    await press(CLEO, ICP_ACTIONS.finalize, { value: 'acme' });
    await expect.poll(() => ws.app.store.icp.history(TEAM_ID, 'acme')).toHaveLength(1);
    await expect.poll(() => textOf(card(ws).blocks)).toContain('Version 1 final');
    expect((await draft()).version).toBe(2);

    await pressEdit(ws, ANA, 'industries');
    await ws.slack.sendViewSubmission({
      userId: ANA,
      values: { [ICP_VIEW.itemsBlock]: 'Fintech\nInsurance' },
    });
    await press(ANA, ICP_ACTIONS.finalize, { value: 'acme' });
    await expect.poll(() => ws.app.store.icp.history(TEAM_ID, 'acme')).toHaveLength(2);
    const [v1, v2] = await ws.app.store.icp.history(TEAM_ID, 'acme');
    expect(v1).toMatchObject({
      version: 1,
      contributors: [BEN],
      finalizedBy: CLEO,
      values: { industries: ['Fintech'] },
    });
    expect(v2).toMatchObject({
      version: 2,
      contributors: [ANA],
      finalizedBy: ANA,
      values: { industries: ['Fintech', 'Insurance'] },
    });

    await ws.slack.sendSlashCommand({ text: 'icp history', userId: BEN, channelId: CHANNEL_ID });
    await expect.poll(() => lastResponse(ws)).toContain('*Version 2*');
    const history = lastResponse(ws);
    expect(history).toContain(`*Version 1* · finalized by <@${CLEO}>`);
    expect(history).toContain(`contributors: <@${BEN}>`);
    expect(history).toContain('Industries: Fintech, Insurance');
  });
});

describe('bad input', () => {
  it('refuses too many items, too long an item and a range upside down, inline, saving nothing', async () => {
    await openCard(ws);
    await pressEdit(ws, ANA, 'personas');
    const many = Array.from({ length: 21 }, (_, i) => `Persona ${i + 1}`).join('\n');
    const tooMany = await ws.slack.sendViewSubmission({
      userId: ANA,
      values: { [ICP_VIEW.itemsBlock]: many },
    });
    expect(textOf(tooMany.body)).toContain(
      'Personas and titles takes at most 20 items and this has 21; remove 1',
    );
    const long = await ws.slack.sendViewSubmission({
      userId: ANA,
      values: { [ICP_VIEW.itemsBlock]: 'x'.repeat(81) },
    });
    expect(textOf(long.body)).toContain('is 81 characters; keep each item to 80 or fewer');
    expect((await draft()).values.personas).toEqual([]);

    await pressEdit(ws, ANA, 'annualRevenue');
    const upside = await ws.slack.sendViewSubmission({
      userId: ANA,
      values: { [ICP_VIEW.minBlock]: '50m', [ICP_VIEW.maxBlock]: '5m' },
    });
    expect(textOf(upside.body)).toContain('minimum (50,000,000) is above the maximum (5,000,000)');
    const words = await ws.slack.sendViewSubmission({
      userId: ANA,
      values: { [ICP_VIEW.minBlock]: 'lots', [ICP_VIEW.maxBlock]: '5m' },
    });
    expect(textOf(words.body)).toContain('\\"lots\\" is not a number');
    expect((await draft()).values.annualRevenue).toBeUndefined();
  });

  it('refuses a business name over the limit', async () => {
    await ws.slack.sendSlashCommand({ text: `icp ${'A'.repeat(130)}`, userId: ANA, channelId: CHANNEL_ID });
    await expect.poll(() => lastResponse(ws)).toContain('the limit is 120');
    expect(await ws.app.store.icp.list(TEAM_ID)).toEqual({});
  });
});
