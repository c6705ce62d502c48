import { formatCount, formatPercent } from '../engines/blueprint/index.js';
import { attrs, clip, text, xmlText } from './svg.js';

/** One funnel bar: the stage, how many deals reached it, and their share of the first stage (0–100). */
export interface FunnelChartRow {
  stage: string;
  count: number;
  percent: number;
}

export const CHART_WIDTH = 800;
const HEADER = 96;
const ROW = 60;
const FOOTER = 24;
const MARGIN = 32;
const BAR = { left: 250, width: 390, height: 40, min: 6 };
const VALUE_X = 660;
// Columns of a stage name at 15px bold that fit left of the bars (a wide character counts two).
const LABEL_CHARS = 21;
const FONT = 'DejaVu Sans';
const INK = '#1d1c1d';
const MUTED = '#616061';
const TRACK = '#f1f3f5';
// Darkest blue for the first stage, lightest for the last: the eye reads the narrowing as loss.
const FROM = [31, 78, 121];
const TO = [104, 163, 222];

/** Height of a chart with `rows` bars: header, one 60-pixel band per bar (at least one), footer. */
export function chartHeight(rows: number): number {
  return HEADER + ROW * Math.max(1, rows) + FOOTER;
}

function shade(i: number, n: number): string {
  const t = n <= 1 ? 0 : i / (n - 1);
  const channel = (k: number) => Math.round((FROM[k] ?? 0) + ((TO[k] ?? 0) - (FROM[k] ?? 0)) * t);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}

// Text wider than its column (names of wide letters such as "WWW…") is cut at the column's edge, never drawn over a bar.
function clipPaths(height: number): string {
  const area = (id: string, x: number, width: number) =>
    `<clipPath id="${id}"><rect ${attrs({ x, y: 0, width, height })}/></clipPath>`;
  return `<defs>${area('frame', 0, CHART_WIDTH - MARGIN)}${area('labels', 0, BAR.left - 8)}${area('values', VALUE_X, CHART_WIDTH - VALUE_X - 8)}</defs>`;
}

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

function rowSvg(row: FunnelChartRow, i: number, rows: readonly FunnelChartRow[]): string {
  const top = HEADER + i * ROW;
  const width = Math.max(BAR.min, (BAR.width * clampPercent(row.percent)) / 100);
  const previous = rows[i - 1]?.count;
  const step = previous === undefined || previous <= 0 ? undefined : (100 * row.count) / previous;
  const parts = [
    `<rect ${attrs({ x: BAR.left, y: top + 10, width: BAR.width, height: BAR.height, rx: 6, fill: TRACK })}/>`,
    `<rect ${attrs({ x: BAR.left + (BAR.width - width) / 2, y: top + 10, width, height: BAR.height, rx: 6, fill: shade(i, rows.length) })}/>`,
    text(clip(row.stage, LABEL_CHARS), {
      x: MARGIN,
      y: top + (step === undefined ? 35 : 27),
      'font-size': 15,
      'font-weight': 'bold',
      fill: INK,
      'clip-path': 'url(#labels)',
    }),
    text(formatCount(row.count), {
      x: VALUE_X,
      y: top + 27,
      'font-size': 16,
      'font-weight': 'bold',
      fill: INK,
      'clip-path': 'url(#values)',
    }),
    text(`${formatPercent(Math.round(clampPercent(row.percent) * 10) / 10)} of total`, {
      x: VALUE_X,
      y: top + 45,
      'font-size': 12,
      fill: MUTED,
      'clip-path': 'url(#values)',
    }),
  ];
  if (step !== undefined) {
    const shown = formatPercent(Math.round(step * 10) / 10);
    parts.push(
      text(`${shown} of previous stage`, {
        x: MARGIN,
        y: top + 45,
        'font-size': 12,
        fill: MUTED,
        'clip-path': 'url(#labels)',
      }),
    );
  }
  return parts.join('');
}

/**
 * Draws a funnel as a standalone SVG: one centred bar per stage, as wide as its share of the first stage,
 * with the stage name and its conversion from the stage before on the left, the count and share on the right.
 * Text is escaped and long stage names are shortened, so any name keeps the chart well-formed and in frame.
 */
export function funnelChartSvg(
  rows: readonly FunnelChartRow[],
  options: { title: string; subtitle?: string },
): string {
  const height = chartHeight(rows.length);
  const label = rows.map((r) => `${r.stage} ${formatCount(r.count)}`).join(', ');
  const body =
    rows.length === 0
      ? text('No deals yet', {
          x: CHART_WIDTH / 2,
          y: HEADER + ROW / 2,
          'font-size': 16,
          fill: MUTED,
          'text-anchor': 'middle',
        })
      : rows.map((row, i) => rowSvg(row, i, rows)).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${attrs({ width: CHART_WIDTH, height, viewBox: `0 0 ${CHART_WIDTH} ${height}`, role: 'img', 'aria-label': `${options.title}: ${label}`, 'font-family': FONT })}>`,
    `<title>${xmlText(options.title)}</title>`,
    clipPaths(height),
    `<rect ${attrs({ width: CHART_WIDTH, height, fill: '#ffffff' })}/>`,
    text(clip(options.title, 50), {
      x: MARGIN,
      y: 44,
      'font-size': 22,
      'font-weight': 'bold',
      fill: INK,
      'clip-path': 'url(#frame)',
    }),
    options.subtitle === undefined
      ? ''
      : text(clip(options.subtitle, 84), {
          x: MARGIN,
          y: 70,
          'font-size': 14,
          fill: MUTED,
          'clip-path': 'url(#frame)',
        }),
    body,
    '</svg>',
  ].join('');
}
