import { describe, expect, it } from 'vitest';
import {
  type AlertItem,
  alertListBlocks,
  renderAlertDay,
  renderAlertSummary,
  renderBigWin,
  renderUnmatchedOwners,
} from '../../src/blocks/alerts.js';
import { renderRepSection } from '../../src/blocks/digest-reps.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { ALERT_RULES } from '../../src/engines/alerts/index.js';
import type { RepReport } from '../../src/engines/reps/index.js';
import { contentProblem } from '../../src/sandbox/message-content.js';
import {
  ALERT_MENU_ACTION_ID,
  ALERT_OPEN_CRM_ACTION_ID,
  ALERT_SHOW_ALL_ACTION_ID,
  alertActionValue,
  parseAlertActionValue,
} from '../../src/views/alerts/ids.js';

const long = 'Ω<&>'.repeat(400);
const item = (i: number, extra: Partial<AlertItem> = {}): AlertItem => ({
  rule: ALERT_RULES[i % ALERT_RULES.length] ?? 'stuck',
  dealId: `D${i}`,
  account: `Account ${i} ${long}`,
  stage: 'Engaging',
  amount: 1000 * i,
  text: `Close date slipped ${i} days ${long}`,
  owner: i % 2 === 0 ? `<@U0REP${i}>` : `Rep ${long}`,
  ...extra,
});
const ok = (m: { text: string; blocks: unknown[] }) => expect(checkMessage(m)).toEqual({ ok: true });

describe('alert messages', () => {
  it('gives each alert of a day the menu: Snooze, Mute this rule for this deal, Open in CRM (a link) and Done', () => {
    const m = renderAlertDay({
      items: [item(3, { crmUrl: 'https://crm.example/deal/D3' })],
      dayLabel: '2026-12-03',
    });
    ok(m);
    const menu = JSON.stringify(m.blocks);
    for (const verb of ['snooze', 'mute', 'open', 'done'] as const)
      expect(menu).toContain(`"value":"${alertActionValue(verb, item(3).rule, 'D3')}"`);
    expect(menu).toContain('"url":"https://crm.example/deal/D3"');
    const without = renderAlertDay({ items: [item(3)], dayLabel: '2026-12-03' });
    expect(JSON.stringify(without.blocks)).not.toContain(`"${alertActionValue('open', item(3).rule, 'D3')}"`);
  });

  it('gives a big win in the channel only its Open in CRM link, nothing to snooze or mute', () => {
    const win = JSON.stringify(renderBigWin(item(7, { crmUrl: 'https://crm.example/deal/D7' })).blocks);
    expect(win).toContain(`"action_id":"${ALERT_OPEN_CRM_ACTION_ID}"`);
    expect(win).toContain('"url":"https://crm.example/deal/D7"');
    expect(win).not.toContain(ALERT_MENU_ACTION_ID);
    expect(JSON.stringify(renderBigWin(item(7)).blocks)).not.toContain(ALERT_OPEN_CRM_ACTION_ID);
  });

  it('fits 50 long alerts of one day in one message, each with its menu while blocks last', () => {
    const m = renderAlertDay({
      items: Array.from({ length: 50 }, (_, i) => item(i)),
      dayLabel: '2026-12-03',
    });
    ok(m);
    expect(m.blocks).toHaveLength(50);
    expect(m.text).toBe('50 deal alerts · 2026-12-03');
    expect(JSON.stringify(m.blocks).split(ALERT_MENU_ACTION_ID).length - 1).toBe(48);
  });

  it('sums up more than 50 as the top 10 and a Show all button carrying the batch', () => {
    const m = renderAlertSummary({
      top: Array.from({ length: 10 }, (_, i) => item(i)),
      total: 240,
      dayLabel: '2026-12-03',
      batchKey: 'alsum-T1-abc',
    });
    ok(m);
    // Every one of the top 10 is shown with its account, the first included, and Slack would accept it.
    expect(contentProblem(m)).toBeUndefined();
    for (let i = 0; i < 10; i += 1) expect(JSON.stringify(m.blocks)).toContain(`· Account ${i} `);
    expect(JSON.stringify(m.blocks)).toContain(
      `"action_id":"${ALERT_SHOW_ALL_ACTION_ID}","value":"alsum-T1-abc"`,
    );
  });

  it('lists any number of alerts in sections within limits, and renders big wins and unmatched owners', () => {
    const blocks = alertListBlocks(Array.from({ length: 120 }, (_, i) => item(i)));
    expect(blocks.every((b) => JSON.stringify(b).length < 3500)).toBe(true);
    ok(renderBigWin(item(7, { crmUrl: 'https://crm.example/deal/D7' })));
    const unmatched = renderUnmatchedOwners(['Kami Bicknell', long]);
    ok(unmatched);
    expect(JSON.stringify(unmatched.blocks)).toContain('/sales-ops alerts map \\"Kami Bicknell\\" @person');
  });

  it('reads back every action value, and gives none for a deal id too long for a menu option', () => {
    for (const rule of ALERT_RULES) {
      const value = alertActionValue('mute', rule, '006Ab00000XyZ12');
      expect(parseAlertActionValue(value)).toEqual({ verb: 'mute', rule, dealId: '006Ab00000XyZ12' });
    }
    expect(alertActionValue('done', 'stuck', 'x'.repeat(80))).toBeUndefined();
    expect(parseAlertActionValue('drop:0:D1')).toBeUndefined();
  });
});

describe('digest section by rep', () => {
  const row = (i: number) => ({
    rep: `Rep ${i} ${long}`,
    openDeals: i,
    openPipeline: 1e6 * i,
    weighted: 4e5 * i,
    newThisWeek: 1,
    wonThisWeek: 2,
    lostThisWeek: 3,
    slippedThisWeek: 4,
    wonQuarter: 5e4,
    closedDeals: 12,
    winRate: 41.7,
    quota: 250_000,
    attainment: 20,
    coverage: 4.5,
  });
  const report: RepReport = {
    week: { start: '2026-11-30', end: '2026-12-07' },
    quarter: { start: '2026-10-01', end: '2027-01-01' },
    rows: Array.from({ length: 40 }, (_, i) => row(i)),
    byWon: Array.from({ length: 40 }, (_, i) => ({ rep: `Rep ${i} ${long}`, amount: 5e4 })),
    byWinRate: [{ rep: 'Few', closedDeals: 3 }],
    forecast: {
      basis: 'category',
      period: { start: '2026-10-01', end: '2027-01-01' },
      closed: 1,
      commit: 2,
      bestCase: 3,
      pipeline: 4,
    },
    minClosed: 10,
  };

  it('stays within limits with 40 long-named reps, lists 15 and counts the rest, and shows — under 10 closed deals', () => {
    const blocks = renderRepSection(report, new Map([['Few', 'U0FEW']]));
    ok({ text: 'digest', blocks });
    const text = JSON.stringify(blocks);
    expect(text).toContain('… and 25 more reps');
    expect(text).toContain('1. <@U0FEW> —');
    expect(text).toContain('commit $2 · best case $3 · pipeline $4');
  });
});
