import { describe, expect, it } from 'vitest';
import { emptyValues } from '../../../src/engines/icp/sections.js';
import { ICP_VIEW } from '../../../src/views/icp/ids.js';
import { ANA, BEN, card, openCard, pressEdit, TEAM_ID, textOf, useIcpWorkspace } from './icp-workspace.js';

const ws = useIcpWorkspace();
const draft = async () => {
  const found = await ws.app.store.icp.get(TEAM_ID, 'acme');
  if (!found) throw new Error('no draft');
  return found;
};

describe('the ICP card, edited together', () => {
  it('posts the card with its eight sections, and starts the draft from the saved profile', async () => {
    await ws.app.store.profiles.save(
      TEAM_ID,
      {
        business: 'Acme',
        model: 'inside',
        icp: { industries: ['SaaS'], companySize: { min: 20, max: 200 } },
      },
      { by: ANA, at: new Date() },
    );
    const posted = await openCard(ws, 'icp');
    const text = textOf(posted.blocks);
    for (const title of [
      'Industries',
      'Company size',
      'Annual revenue',
      'Geography',
      'Pain points',
      'Buying triggers',
      'Disqualifiers',
      'Personas and titles',
    ])
      expect(text).toContain(`*${title}*`);
    expect(text).toContain('Ideal customer profile: Acme');
    expect(text).toContain('SaaS');
    expect(text).toContain('20–200 employees');
    expect(text).toContain(`started by <@${ANA}>`);
  });

  it('brings the existing card back to the bottom instead of starting a second draft', async () => {
    const first = await openCard(ws);
    const second = await openCard(ws, 'icp Acme', BEN);
    expect(second.ts).not.toBe(first.ts);
    await expect
      .poll(() => ws.slack.messages('C0SALES001').find((m) => m.ts === first.ts)?.text)
      .toContain('moved to a newer message');
    expect((await draft()).createdBy).toBe(ANA);
    expect((await draft()).card?.ts).toBe(second.ts);
  });

  it('lets two people edit different sections at the same time, and both edits land on the card', async () => {
    await openCard(ws);
    await pressEdit(ws, ANA, 'industries');
    await pressEdit(ws, BEN, 'geography');
    const [a, b] = await Promise.all([
      ws.slack.sendViewSubmission({ userId: ANA, values: { [ICP_VIEW.itemsBlock]: 'B2B SaaS\nFintech' } }),
      ws.slack.sendViewSubmission({ userId: BEN, values: { [ICP_VIEW.itemsBlock]: 'DACH\nNordics' } }),
    ]);
    expect([a.body, b.body]).toEqual(['', '']);
    const saved = await draft();
    expect(saved.values.industries).toEqual(['B2B SaaS', 'Fintech']);
    expect(saved.values.geography).toEqual(['DACH', 'Nordics']);
    await expect.poll(() => textOf(card(ws).blocks)).toContain('Nordics');
    const text = textOf(card(ws).blocks);
    expect(text).toContain('Fintech');
    expect(text).toContain(`by <@${ANA}>`);
    expect(text).toContain(`by <@${BEN}>`);
    await expect.poll(() => ws.slack.calls('chat.update').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps both items when two people add to the same list at once, and removes only the item deleted', async () => {
    await openCard(ws);
    await pressEdit(ws, ANA, 'painPoints');
    await pressEdit(ws, BEN, 'painPoints');
    await Promise.all([
      ws.slack.sendViewSubmission({ userId: ANA, values: { [ICP_VIEW.itemsBlock]: 'slow quoting' } }),
      ws.slack.sendViewSubmission({ userId: BEN, values: { [ICP_VIEW.itemsBlock]: 'manual reporting' } }),
    ]);
    expect([...(await draft()).values.painPoints].sort()).toEqual(['manual reporting', 'slow quoting']);

    // Ana opens the list (both items shown) and deletes one; Ben meanwhile adds a third.
    await pressEdit(ws, ANA, 'painPoints');
    await pressEdit(ws, BEN, 'painPoints');
    const both = (await draft()).values.painPoints;
    const anaKeeps = both.filter((i) => i !== 'slow quoting').join('\n');
    await ws.slack.sendViewSubmission({
      userId: BEN,
      values: { [ICP_VIEW.itemsBlock]: `${both.join('\n')}\nno CRM` },
    });
    await ws.slack.sendViewSubmission({ userId: ANA, values: { [ICP_VIEW.itemsBlock]: anaKeeps } });
    expect([...(await draft()).values.painPoints].sort()).toEqual(['manual reporting', 'no CRM']);
    await expect.poll(() => textOf(card(ws).blocks)).toContain('no CRM');
  });

  it('refuses a stale change to a single value inline, naming who saved what; submitting again replaces it', async () => {
    await openCard(ws);
    await pressEdit(ws, ANA, 'companySize');
    await pressEdit(ws, BEN, 'companySize');
    const [a, b] = await Promise.all([
      ws.slack.sendViewSubmission({
        userId: ANA,
        values: { [ICP_VIEW.minBlock]: '50', [ICP_VIEW.maxBlock]: '500' },
      }),
      ws.slack.sendViewSubmission({
        userId: BEN,
        values: { [ICP_VIEW.minBlock]: '100', [ICP_VIEW.maxBlock]: '1,000' },
      }),
    ]);
    const answers = [a.body, b.body];
    expect(answers.filter((x) => x === '')).toHaveLength(1);
    const refused = answers.find((x) => x !== '') as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(refused.response_action).toBe('errors');
    const winner =
      a.body === ''
        ? { name: 'ana', value: '50–500 employees', loser: BEN }
        : { name: 'Ben Ortiz', value: '100–1,000 employees', loser: ANA };
    expect(refused.errors[ICP_VIEW.minBlock]).toContain(`${winner.name} saved ${winner.value}`);
    expect(refused.errors[ICP_VIEW.minBlock]).toContain('Submit again to replace it');
    const kept = await draft();
    expect(kept.sections.companySize.version).toBe(2);

    const loserValues = winner.loser === BEN ? { min: '100', max: '1,000' } : { min: '50', max: '500' };
    const again = await ws.slack.sendViewSubmission({
      userId: winner.loser,
      values: { [ICP_VIEW.minBlock]: loserValues.min, [ICP_VIEW.maxBlock]: loserValues.max },
    });
    expect(again.body).toBe('');
    expect((await draft()).values.companySize).toEqual({
      min: Number(loserValues.min.replace(',', '')),
      max: Number(loserValues.max.replace(',', '')),
    });
  });

  it('posts a very long card within Slack limits and puts the full lists in its thread', async () => {
    const at = new Date();
    await ws.app.store.icp.create(TEAM_ID, 'Acme', { by: ANA, at, values: emptyValues() });
    for (const id of [
      'industries',
      'geography',
      'painPoints',
      'buyingTriggers',
      'disqualifiers',
      'personas',
    ] as const) {
      const add = Array.from({ length: 20 }, (_, i) => `${id} ${i} `.padEnd(80, 'x'));
      await ws.app.store.icp.editList(TEAM_ID, 'acme', id, { add, remove: new Set() }, { by: BEN, at });
    }
    const posted = await openCard(ws);
    expect(ws.slack.calls('chat.postMessage').every((c) => c.response.ok)).toBe(true);
    const replies = () =>
      ws.slack.messages('C0SALES001').filter((m) => m.thread_ts === posted.ts && m.ts !== posted.ts);
    // The full lists follow the card into its thread: a second post, after the card's.
    await expect.poll(() => replies().length).toBe(1);
    const thread = replies();
    expect(thread[0]?.text).toContain('personas 19');
    expect(textOf(posted.blocks)).toContain('listed in the thread');
  });
});
