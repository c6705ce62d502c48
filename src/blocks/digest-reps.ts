import type { KnownBlock } from '@slack/types';
import { formatMoneyShort } from '../engines/format.js';
import type { Forecast, RepReport, RepRow } from '../engines/reps/index.js';
import { codeSection } from './digest-sections.js';
import { escapeMrkdwn, formatPercent, truncate } from './format.js';

/** Reps the table lists, largest open pipeline first; the rest are counted below it. */
export const MAX_REP_ROWS = 15;
const NAME_WIDTH = 16;
const NONE = '—';

const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text.padEnd(width);
const left = (text: string, width: number) => text.padStart(width);

/** The table's columns: header, width, and the cell of a row. */
const COLUMNS: { head: string; width: number; cell: (r: RepRow) => string }[] = [
  { head: 'Open', width: 5, cell: (r) => String(r.openDeals) },
  { head: 'Pipeline', width: 9, cell: (r) => formatMoneyShort(r.openPipeline) },
  { head: 'Weighted', width: 9, cell: (r) => formatMoneyShort(r.weighted) },
  { head: 'New', width: 4, cell: (r) => String(r.newThisWeek) },
  { head: 'Won', width: 4, cell: (r) => String(r.wonThisWeek) },
  { head: 'Lost', width: 5, cell: (r) => String(r.lostThisWeek) },
  { head: 'Slip', width: 5, cell: (r) => String(r.slippedThisWeek) },
  { head: 'Cover', width: 6, cell: (r) => (r.coverage === undefined ? NONE : `${r.coverage}×`) },
  {
    head: 'Attain',
    width: 7,
    cell: (r) => (r.attainment === undefined ? NONE : formatPercent(r.attainment)),
  },
];

/** The per-rep table as fixed-width lines; names as given (a code block shows no mentions). */
export function repTableLines(rows: readonly RepRow[]): string[] {
  const head = [pad('Rep', NAME_WIDTH), ...COLUMNS.map((c) => left(c.head, c.width))].join(' ');
  const lines = rows
    .slice(0, MAX_REP_ROWS)
    .map((r) => [pad(r.rep, NAME_WIDTH), ...COLUMNS.map((c) => left(c.cell(r), c.width))].join(' '));
  const more = rows.length - MAX_REP_ROWS;
  return [head, ...lines, ...(more > 0 ? [`… and ${more} more reps`] : [])];
}

/** The forecast line: commit, best case and pipeline from categories, or the weighted forecast. */
export function forecastLine(forecast: Forecast): string {
  const quarter = `${forecast.period.start} to ${forecast.period.end}`;
  if (forecast.basis === 'category') {
    return `*Forecast* (CRM forecast categories, ${quarter}): commit ${formatMoneyShort(forecast.commit)} · best case ${formatMoneyShort(forecast.bestCase)} · pipeline ${formatMoneyShort(forecast.pipeline)}`;
  }
  return `*Forecast* (weighted by stage probabilities, ${quarter}): ${formatMoneyShort(forecast.weighted)} · closed ${formatMoneyShort(forecast.closed)} · pipeline ${formatMoneyShort(forecast.pipeline)}`;
}

/** The leaderboards on two lines, top 5 each: won this quarter, and win rate (— under the minimum). */
export function leaderboardLines(report: RepReport, mention: (rep: string) => string): string[] {
  const won = report.byWon
    .slice(0, 5)
    .map((r, i) => `${i + 1}. ${mention(r.rep)} ${formatMoneyShort(r.amount)}`)
    .join('  ');
  const rate = report.byWinRate
    .slice(0, 5)
    .map((r, i) => `${i + 1}. ${mention(r.rep)} ${r.winRate === undefined ? NONE : formatPercent(r.winRate)}`)
    .join('  ');
  return [
    `*Won this quarter:* ${won || NONE}`,
    `*Win rate* (${report.minClosed}+ closed deals): ${rate || NONE}`,
  ];
}

/**
 * The digest's section by rep: the table, the leaderboards and the forecast line. `mentions` maps an
 * owner as imported to a Slack user id, so leaders are mentioned; others show as imported.
 */
export function renderRepSection(
  report: RepReport,
  mentions: ReadonlyMap<string, string> = new Map(),
): KnownBlock[] {
  if (report.rows.length === 0) return [];
  const mention = (rep: string) => {
    const id = mentions.get(rep);
    return id === undefined ? escapeMrkdwn(truncate(rep, 40)) : `<@${id}>`;
  };
  return [
    codeSection(`By rep · week of ${report.week.start}`, repTableLines(report.rows)),
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [...leaderboardLines(report, mention), forecastLine(report.forecast)].join('\n'),
      },
    },
  ];
}
