import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEAL_RULES } from '../../../src/engines/alerts/index.js';
import type { Deal } from '../../../src/engines/deal.js';
import { customStages } from '../../../src/engines/pipeline/index.js';
import { ALERT_RULE_TOGGLE_ACTION_ID } from '../../../src/views/alerts/ids.js';
import {
  CHANNEL_ID,
  type FollowupsWorkspace,
  REP_ID,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { storeDeals } from '../../support/deals.js';

const MOSES = 'U0MOSES001';
const STAGES = customStages([
  { name: 'Engaging', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
]);
const deal = (id: string, owner: string, extra: Partial<Deal> = {}, open = false): Deal => ({
  id,
  owner,
  account: `Account ${id}`,
  stage: open ? 'Engaging' : 'Won',
  status: open ? 'open' : 'won',
  amount: 40_000,
  createdAt: '2026-01-05',
  ...(open ? {} : { closedAt: '2026-02-10' }),
  history: [],
  ...extra,
});
let ws: FollowupsWorkspace;

const importDeals = (deals: Deal[]) => storeDeals(ws.store, TEAM_ID, deals, { by: REP_ID, stages: STAGES });
const asBen = async (text: string) => {
  const before = ws.slack.responses().length;
  await ws.slack.sendSlashCommand({ text, userId: 'U0BEN00001', channelId: CHANNEL_ID });
  await expect.poll(() => ws.slack.responses().length).toBeGreaterThan(before);
  return JSON.stringify(ws.slack.responses()[before]?.body);
};

beforeEach(async () => {
  ws = await startFollowupsWorkspace();
  ws.slack.addUser({ id: REP_ID, name: 'ana', realName: 'Ana Silva', tz: REP_ZONE, isAdmin: true });
  ws.slack.addUser({ id: MOSES, name: 'moses', realName: 'Moses Frase', tz: 'America/Chicago' });
  ws.slack.addUser({ id: 'U0BEN00001', name: 'ben', realName: 'Ben Ode', tz: REP_ZONE });
});
afterEach(async () => {
  await ws.stop();
});

describe('/sales-ops alerts', () => {
  it('lists every rule with its threshold; admins get on/off buttons, others a refusal to change anything', async () => {
    await importDeals([deal('D1', 'Moses Frase'), deal('D2', 'Kami Bicknell', { amount: 20_000 })]);
    const shown = await ws.command('alerts');
    const text = JSON.stringify(shown.blocks);
    for (const rule of DEAL_RULES) expect(text).toContain(rule.title);
    // The big-win threshold is twice the average won deal of the imported deals: 2 × $30,000.
    expect(text).toContain('$60,000');
    expect(text.split(ALERT_RULE_TOGGLE_ACTION_ID).length - 1).toBe(DEAL_RULES.length);

    const ben = await asBen('alerts');
    expect(ben).not.toContain(ALERT_RULE_TOGGLE_ACTION_ID);
    expect(ben).toContain('A workspace admin can turn rules on or off');
    expect(await asBen('alerts off stuck')).toContain('Only a workspace admin or owner');
    expect((await ws.store.alerts.settings(TEAM_ID)).disabled).toEqual([]);

    const off = await ws.command('alerts off stuck');
    expect(JSON.stringify(off.blocks)).toContain('stuck:on');
    expect((await ws.store.alerts.settings(TEAM_ID)).disabled).toEqual(['stuck']);

    // The button on the admin's list turns the rule back on (Ben's list has no buttons, see above).
    const list = ws.slack.messages(CHANNEL_ID).findLast((m) => JSON.stringify(m.blocks).includes('stuck:on'));
    const block = (list?.blocks ?? []).find((b) => JSON.stringify(b).includes('stuck:on')) as {
      block_id: string;
    };
    const press = async (userId: string) => {
      const before = ws.slack.responses().length;
      await ws.slack.sendBlockAction({
        userId,
        actionId: ALERT_RULE_TOGGLE_ACTION_ID,
        blockId: block.block_id,
        message: { channel: CHANNEL_ID, ts: list?.ts ?? '' },
      });
      await expect.poll(() => ws.slack.responses().length).toBeGreaterThan(before);
      return JSON.stringify(ws.slack.responses()[before]?.body);
    };
    expect(await press(REP_ID)).toContain('stuck:off');
    expect((await ws.store.alerts.settings(TEAM_ID)).disabled).toEqual([]);
  });

  it('says why the ICP match rule raises nothing yet, until the team has an ICP and its accounts', async () => {
    await importDeals([deal('D1', 'Moses Frase')]);
    const icpRule = async () =>
      JSON.stringify(
        (await ws.command('alerts')).blocks.find((b) => JSON.stringify(b).includes('`icp-match`')),
      );
    const none = await icpRule();
    expect(none).toContain('Raises nothing yet: the team has no ICP yet');
    expect(none).toContain('no accounts were imported');

    await ws.store.profiles.save(
      TEAM_ID,
      { business: 'Acme', model: 'inside', icp: { industries: ['Retail'] } },
      { by: REP_ID, at: new Date() },
    );
    const noAccounts = await icpRule();
    expect(noAccounts).not.toContain('no ICP');
    expect(noAccounts).toContain('no accounts were imported');

    await ws.store.accounts.replace(
      TEAM_ID,
      new Map([['Account D1', { industry: 'Retail', employees: 120 }]]),
    );
    expect(await icpRule()).not.toContain('Raises nothing yet');
  });

  it('answers bad input with how to fix it and saves nothing', async () => {
    await importDeals([deal('D1', 'Moses Frase')]);
    const cases: [string, RegExp][] = [
      ['alerts #deals', /alerts here/],
      ['alerts quiet 19:00', /two different times/],
      ['alerts quiet 25:00-07:00', /two different times/],
      ['alerts link http://crm.example/{id}', /https link with `\{id\}`/],
      ['alerts link https://crm.example/deals', /https link with `\{id\}`/],
      ['alerts map Moses Frase <@U0MOSES001|moses>', /in quotes/],
      ['alerts map "Moses Frase" moses', /Mention the person/],
      [
        'alerts map "Nobody Here" <@U0MOSES001|moses>',
        /No imported deal is owned by "Nobody Here".*"Moses Frase"/,
      ],
      ['alerts off sometimes', /Name one of the rules/],
      ['alerts frobnicate', /did not understand/],
      ['quota 250k', /Mention the rep with @/],
      ['quota @nobody 250k', /Nobody in this workspace goes by @nobody/],
      ['alerts map "Moses Frase" @nobody', /Nobody in this workspace goes by @nobody/],
      ['quota <@U0MOSES001|moses> lots', /could not read 'lots' as an amount/],
      ['quota <@U0MOSES001|moses> -5k', /must be 0 or more/],
      ['quota <@U0MOSES001|moses>', /Give the amount/],
    ];
    for (const [text, expected] of cases) {
      const reply = await ws.command(text);
      expect(reply.text, text).toMatch(expected);
    }
    expect(await ws.store.alerts.settings(TEAM_ID)).toEqual({ disabled: [] });
    expect(await ws.store.alerts.mappings(TEAM_ID)).toEqual(new Map());
    expect(await ws.store.alerts.quotas(TEAM_ID)).toEqual(new Map());
  });

  it('sets the quiet hours, the CRM link, a mapping and quotas, and lists them back', async () => {
    await importDeals([deal('D1', 'Moses Frase')]);
    expect((await ws.command('alerts here')).text).toContain(`<#${CHANNEL_ID}>`);
    expect((await ws.store.alerts.settings(TEAM_ID)).channel).toBe(CHANNEL_ID);
    expect((await ws.command('alerts quiet 19:00-7:30')).text).toContain('19:00–07:30');
    expect((await ws.command('alerts link https://crm.example.com/deals/{id}')).text).toContain(
      'crm.example.com',
    );
    expect((await ws.command('alerts map "moses  frase" <@U0MOSES001|moses>')).text).toContain(
      '<@U0MOSES001>',
    );
    expect(await ws.store.alerts.settings(TEAM_ID)).toMatchObject({
      quietHours: { start: '19:00', end: '07:30' },
      recordUrl: 'https://crm.example.com/deals/{id}',
    });
    expect(await ws.store.alerts.mappings(TEAM_ID)).toEqual(new Map([['moses frase', MOSES]]));
    const listed = JSON.stringify((await ws.command('alerts')).blocks);
    expect(listed).toContain('quiet 19:00–07:30');
    expect(listed).toContain('moses frase → <@U0MOSES001>');

    expect((await ws.command('quota')).text).toContain('No quotas are set');
    expect((await ws.command('quota <@U0MOSES001|moses> 250k')).text).toContain('$250,000');
    expect(await ws.store.alerts.quotas(TEAM_ID)).toEqual(new Map([[MOSES, 250_000]]));
    expect((await ws.command('quota')).text).toContain('<@U0MOSES001>: $250,000');
    // Typed as plain `@moses` (Slack sends mentions unescaped unless asked), the handle is looked up.
    expect((await ws.command('quota @moses 300k')).text).toContain('<@U0MOSES001>');
    expect(await ws.store.alerts.quotas(TEAM_ID)).toEqual(new Map([[MOSES, 300_000]]));
    expect((await ws.command('quota <@U0MOSES001> off')).text).toContain('no quota now');
    expect(await ws.store.alerts.quotas(TEAM_ID)).toEqual(new Map());
  });
});

describe('/sales-ops digest me', () => {
  it("sends the rep only their own row of the section by rep, by DM, with their quota's coverage", async () => {
    await importDeals([
      deal('D1', 'Moses Frase', { amount: 50_000 }),
      deal('D2', 'Kami Bicknell', { amount: 70_000 }),
      deal('D3', 'Moses Frase', { amount: 10_000 }, true),
    ]);
    await ws.command('quota <@U0MOSES001|moses> 100k');
    const before = ws.slack.responses().length;
    await ws.slack.sendSlashCommand({ text: 'digest me', userId: MOSES, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.responses().length).toBeGreaterThan(before);
    expect(JSON.stringify(ws.slack.responses()[before]?.body)).toContain('Sent your figures');
    const dm = ws.slack
      .messages(MOSES)
      .map((m) => JSON.stringify(m.blocks))
      .join('\n');
    // The table holds Moses's row only: 1 open deal of $10K, 1 won of $50K, so 50% of his $100K quota,
    // and $10K of pipeline against the $50K left is 0.2× coverage. The team's leaderboard stays for context.
    const table = /```([^`]*)```/.exec(dm)?.[1] ?? '';
    expect(table).toMatch(/Moses Frase\s+1\s+\$10K\s+\S+\s+0\s+1\s+0\s+0\s+0\.2×\s+50%/);
    expect(table).not.toContain('Kami Bicknell');

    // Ben owns no deal: he is told how to get mapped, and nothing is sent.
    expect(await asBen('digest me')).toContain('alerts map');
    expect(ws.slack.messages('U0BEN00001')).toHaveLength(0);
  });
});
