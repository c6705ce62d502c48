import type { ImageBlock, KnownBlock, SectionBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appHomeUrl, type DigestInput, digestTitle, renderDigest } from '../../src/blocks/digest.js';
import { STUCK_LISTED } from '../../src/blocks/digest-stuck.js';
import { blockTextLength, checkMessage, LIMITS, MAX_MESSAGE_BLOCK_TEXT } from '../../src/blocks/limits.js';
import {
  compareToHistory,
  computeDashboard,
  type Snapshot,
  toSnapshot,
} from '../../src/engines/dashboard/index.js';
import type { StuckDeal } from '../../src/engines/pipeline/index.js';
import { InputError } from '../../src/errors.js';
import { anyText } from '../engines/blueprint/arbitraries.js';
import { DEALS, NOW, SEED } from '../engines/dashboard/fixtures.js';

const dashboard = computeDashboard({
  stages: SEED,
  deals: DEALS,
  now: NOW,
  quota: 150_000,
  targets: { closeRate: 60, averageDeal: 30_000 },
});
const lastWeek: Snapshot = {
  week: '2026-W47',
  takenAt: '2026-11-16T09:00:00Z',
  figures: { closeRate: 60, averageDeal: 25_100, cycleDays: 30 },
};
const comparison = compareToHistory(toSnapshot(dashboard, NOW), [lastWeek]);
const INPUT: DigestInput = {
  business: 'Acme <Sales> & Co',
  dashboard,
  comparison,
  stuck: dashboard.stuck,
  topBottleneck: dashboard.topBottleneck,
  weekLabel: '2026-W48',
  appHomeUrl: appHomeUrl('T0123ABCD', 'A0456EFGH'),
  chartFileId: 'F0789IJKL',
};

const texts = (blocks: readonly KnownBlock[]): string =>
  blocks
    .map((b) => {
      if (b.type === 'section') return b.text?.text ?? '';
      if (b.type === 'context') return b.elements.map((e) => ('text' in e ? e.text : '')).join(' ');
      if (b.type === 'header') return b.text.text;
      return '';
    })
    .join('\n');

const section = (blocks: readonly KnownBlock[], title: string): string =>
  (blocks.find((b) => b.type === 'section' && (b as SectionBlock).text?.text.includes(title)) as SectionBlock)
    ?.text?.text ?? '';

/** Every `&`, `<` and `>` in mrkdwn is escaped, apart from user mentions and the App Home link. */
function unescaped(blocks: readonly KnownBlock[]): string[] {
  const mrkdwn = blocks.flatMap((b) => {
    if (b.type === 'section') return b.text?.type === 'mrkdwn' ? [b.text.text] : [];
    if (b.type === 'context') return b.elements.flatMap((e) => (e.type === 'mrkdwn' ? [e.text] : []));
    return [];
  });
  return mrkdwn
    .map((t) => t.replace(/<@[UW][A-Z0-9]+>/g, '').replace(/<slack:\/\/app\?[^|<>]+\|[^<>]+>/g, ''))
    .filter((t) => /[<>]|&(?!(amp|lt|gt);)/.test(t));
}

function expectWithinLimits(message: { text: string; blocks: KnownBlock[] }): void {
  expect(unescaped(message.blocks)).toEqual([]);
  expect(checkMessage(message)).toEqual({ ok: true });
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  expect(blockTextLength(message.blocks)).toBeLessThan(MAX_MESSAGE_BLOCK_TEXT);
  expect(message.text.trim()).not.toBe('');
}

describe('renderDigest', () => {
  const message = renderDigest(INPUT);

  it('stays within Slack limits', () => {
    expectWithinLimits(message);
  });

  it('opens with the week in the header', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Weekly pipeline digest · 2026-W48', emoji: true },
    });
  });

  it('escapes the business name in mrkdwn', () => {
    expect(texts(message.blocks)).toContain('*Acme &lt;Sales&gt; &amp; Co*');
    expect(texts(message.blocks)).not.toContain('<Sales>');
  });

  it('shows the dashboard as a table with targets, trends against last week and the baseline', () => {
    const table = section(message.blocks, '*Dashboard*');
    expect(table).toContain('| Metric | Target | Current | vs last week | vs 4-wk baseline |');
    expect(table).toContain('| MQL to SQL | — | — | — | — |');
    expect(table).toContain('| Close Rate | 60% | 66.7% | ↑ 60% | ↑ 60% |');
    expect(table).toContain('| Avg Deal | $30,000 | $25,000 | → $25,100 | → $25,100 |');
    expect(table).toContain('| Cycle Length | — | 37.5 days | ↑ 30 days | ↑ 30 days |');
    expect(table).toContain('| Coverage | 1.5× | 1.8× | — | — |');
  });

  it('says in words which moves are good news, since a cycle going up is not', () => {
    expect(texts(message.blocks)).toContain('better than last week: Close Rate · worse: Cycle Length');
  });

  it('shows the funnel as text bars with counts in a code block', () => {
    const funnel = section(message.blocks, '*Funnel*');
    expect(funnel).toMatch(/^\*Funnel\*\n```\n┌─+┐\n/);
    expect(funnel).toContain('Lead (10):');
    expect(funnel).toMatch(/Closed Won \(4\): +█+░+ +40%/);
  });

  it('shows the uploaded chart as an image described in words', () => {
    const image = message.blocks.find((b): b is ImageBlock => b.type === 'image');
    expect(image).toMatchObject({ slack_file: { id: 'F0789IJKL' }, title: { text: 'Pipeline funnel' } });
    expect(image?.alt_text).toBe(
      'Pipeline funnel: Lead 10 (100%), Qualified 8 (80%), Discovery 8 (80%), Proposal 8 (80%), Negotiation 5 (50%), Closed Won 4 (40%)',
    );
    const withoutChart = renderDigest({ ...INPUT, chartFileId: undefined });
    expect(withoutChart.blocks.some((b) => b.type === 'image')).toBe(false);
  });

  it('names the top bottleneck with what the numbers say and what to do', () => {
    const text = section(message.blocks, 'Top bottleneck');
    expect(text).toContain('*Top bottleneck: Proposal*');
    expect(text).toContain('• 1 deal lost here, $25,000 at the downstream win rate');
    expect(text).toContain('*What to do*');
  });

  it('says so when no stage stands out', () => {
    const calm = renderDigest({ ...INPUT, topBottleneck: undefined });
    expect(section(calm.blocks, 'Top bottleneck')).toBe('*Top bottleneck*\nNo stage stands out this week.');
  });

  it('mentions a Slack user who owns a stuck deal and escapes account names', () => {
    const text = section(message.blocks, 'Stuck deals');
    expect(text).toContain("*Stuck deals* · 1 open deal past their stage's p90");
    expect(text).toContain(
      '• *Acme &amp; Sons (open1)* · Proposal 53 days (p90 30) · $50,000 · <@U0ABCDEF1>',
    );
  });

  it('lists at most ten stuck deals and counts the rest, with plain names when owners are not Slack users', () => {
    const stuck: StuckDeal[] = Array.from({ length: 25 }, (_, i) => ({
      id: `D${i}`,
      stage: 'Proposal',
      owner: i % 2 === 0 ? 'Dana <Reyes>' : `U0USER${i}`,
      days: 90 - i,
      p90: 30,
    }));
    const text = section(renderDigest({ ...INPUT, stuck }).blocks, 'Stuck deals');
    expect(text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(STUCK_LISTED);
    expect(text).toContain('\n+15 more');
    expect(text).toContain('· Dana &lt;Reyes&gt;');
    expect(text).toContain('· <@U0USER1>');
    expect(text).not.toContain('<@Dana');
  });

  it('says so when no deal is stuck', () => {
    const text = section(renderDigest({ ...INPUT, stuck: [] }).blocks, 'Stuck deals');
    expect(text).toBe("*Stuck deals*\nNo open deal is past its stage's p90.");
  });

  it('links back to App Home with the team and app ids', () => {
    expect(texts(message.blocks)).toContain(
      '<slack://app?team=T0123ABCD&amp;id=A0456EFGH&amp;tab=home|Open sales-ops in App Home>',
    );
    expect(texts(renderDigest({ ...INPUT, appHomeUrl: undefined }).blocks)).not.toContain('App Home');
  });

  it('gives a notification text with the headline figures', () => {
    expect(message.text).toBe(
      'Weekly pipeline digest · 2026-W48: close rate 66.7%, weighted pipeline $93,500, 1 stuck deal, top bottleneck Proposal',
    );
  });
});

describe('appHomeUrl', () => {
  it('builds the Home tab deep link', () => {
    expect(appHomeUrl('T0123ABCD', 'A0456EFGH')).toBe('slack://app?team=T0123ABCD&id=A0456EFGH&tab=home');
  });

  it.each([
    ['', 'A0456EFGH'],
    ['T0123|x>', 'A0456EFGH'],
    ['U0123ABCD', 'A0456EFGH'],
    ['T0123ABCD', 'a0456'],
  ])('refuses team %j and app %j', (team, app) => {
    expect(() => appHomeUrl(team, app)).toThrow(InputError);
  });
});

describe('digestTitle', () => {
  it('cuts a long week label to the 150 characters of a header', () => {
    expect(digestTitle('W'.repeat(400)).length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(digestTitle('')).toBe('Weekly pipeline digest');
  });
});

const longText = fc.oneof(
  anyText,
  fc.tuple(anyText, fc.integer({ min: 1, max: 120 })).map(([t, n]) => `${t}&<>*\`|`.repeat(n)),
);

describe('renderDigest with any names', () => {
  it('stays within Slack limits whatever the business, stage, account and owner names', () => {
    fc.assert(
      fc.property(
        fc.record({
          business: longText,
          weekLabel: longText,
          stages: fc.array(longText, { minLength: 1, maxLength: 40 }),
          stuck: fc.array(
            fc.record({
              id: longText,
              stage: longText,
              owner: fc.option(longText, { nil: undefined }),
              account: fc.option(longText, { nil: undefined }),
              amount: fc.option(fc.double({ min: -1e12, max: 1e15, noNaN: true }), { nil: undefined }),
              days: fc.double({ min: 0, max: 1e6, noNaN: true }),
              p90: fc.double({ min: 0, max: 1e6, noNaN: true }),
            }),
            { maxLength: 60 },
          ),
          fixes: fc.array(longText, { maxLength: 5 }),
          chart: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
        }),
        ({ business, weekLabel, stages, stuck, fixes, chart }) => {
          const funnel = stages.map((stage, i) => ({ stage, reached: 1000 - i, percent: 100 - i }));
          const stuckDeals = stuck.map((s) => {
            const deal: StuckDeal = { id: s.id, stage: s.stage, days: s.days, p90: s.p90 };
            if (s.owner !== undefined) deal.owner = s.owner;
            if (s.account !== undefined) deal.account = s.account;
            if (s.amount !== undefined) deal.amount = s.amount;
            return deal;
          });
          const bottleneck = dashboard.topBottleneck && {
            ...dashboard.topBottleneck,
            stage: stages[0] ?? '',
            issues: fixes.map((fix) => ({ view: 'time' as const, detail: fix, fix })),
          };
          const message = renderDigest({
            ...INPUT,
            business,
            weekLabel,
            dashboard: { ...dashboard, funnel },
            stuck: stuckDeals,
            topBottleneck: bottleneck,
            chartFileId: chart,
          });
          expectWithinLimits(message);
        },
      ),
      { numRuns: 150 },
    );
  });
});
