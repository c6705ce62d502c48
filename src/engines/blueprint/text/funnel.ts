import type { Design } from '../../design.js';
import { formatPercent } from '../../format.js';
import { bar } from '../layout/bar.js';
import { paragraph } from '../layout/box.js';
import { orDash } from '../layout/format.js';
import { sanitize } from '../layout/sanitize.js';
import { displayWidth, padEnd, padStart } from '../layout/width.js';
import { wrap } from '../layout/wrap.js';

/** Cells of a funnel bar: the seed shows about a dozen, and never fewer than six. */
const MAX_BAR = 12;
const MIN_BAR = 6;

/**
 * PIPELINE FUNNEL box content: one line per stage with the label column aligned, a bar computed from the
 * percentage and the percentage right-aligned; a label too long for the column goes on lines of its own.
 */
export function funnelLines(funnel: Design['funnel'], width: number): string[] {
  if (funnel.length === 0) return paragraph('No funnel data yet', width);
  const rows = funnel.map((f) => ({
    label: `${orDash(sanitize(f.stage))}:`,
    percent: f.percent,
    shown: formatPercent(f.percent),
  }));
  const percentWidth = Math.max(4, ...rows.map((r) => displayWidth(r.shown)));
  const room = width - percentWidth - 1;
  // Labels longer than this go on lines of their own rather than squeezing every bar.
  const cap = Math.max(room - MAX_BAR, Math.min(Math.floor(width / 2), room - MIN_BAR));
  const fitting = rows.map((r) => displayWidth(r.label) + 1).filter((w) => w <= cap);
  const labelColumn = Math.max(0, ...fitting);
  const cells = Math.max(MIN_BAR, Math.min(MAX_BAR, room - labelColumn));
  return rows.flatMap((r) => {
    const barText = `${bar(r.percent, cells)} ${padStart(r.shown, percentWidth)}`;
    if (displayWidth(r.label) < labelColumn) return [padEnd(r.label, labelColumn) + barText];
    return [...wrap(r.label, width), ' '.repeat(labelColumn) + barText];
  });
}
