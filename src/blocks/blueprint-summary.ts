import type { KnownBlock, MrkdwnElement } from '@slack/types';
import { formatHealth, formatTime, sanitize } from '../engines/blueprint/index.js';
import { parseNow } from '../engines/blueprint/labels.js';
import type { Design } from '../engines/design.js';
import type { SalesModel } from '../engines/types.js';
import { formatMoneyShortFromMillion, formatPercent, mrkdwn, textBar, truncate } from './format.js';

/** What the summary needs besides the design; `weightedPipeline` is shown when the workspace has deals. */
export interface SummaryOptions {
  /** ISO timestamp of the blueprint (renderers never read the clock). */
  now: string;
  weightedPipeline?: number;
}

const HEADER_MAX = 150;
const FIELD_MAX = 2000;
const SECTION_MAX = 3000;
const TOP_RECOMMENDATIONS = 3;
const MODEL_LABELS: Record<SalesModel, string> = {
  inside: 'Inside sales',
  field: 'Field sales',
  hybrid: 'Hybrid (inside and field)',
};

function field(label: string, value: string): MrkdwnElement {
  return { type: 'mrkdwn', text: `*${label}*\n${mrkdwn(value, FIELD_MAX - label.length - 3)}` };
}

/** The header text, e.g. `Sales operations blueprint · Acme Corp`, cut to Slack's 150 characters. */
export function summaryTitle(design: Design): string {
  const business = sanitize(design.business);
  return truncate(
    business === '' ? 'Sales operations blueprint' : `Sales operations blueprint · ${business}`,
    HEADER_MAX,
  );
}

function conversion(design: Design): string {
  const { currentCvr, targetCvr } = design.overview;
  const target = `${formatPercent(targetCvr)} target`;
  return currentCvr === undefined
    ? `not tracked yet → ${target}`
    : `${formatPercent(currentCvr)} now → ${target}`;
}

function overview(design: Design, options: SummaryOptions): KnownBlock {
  const { qualification: q, overview: o } = design;
  const reason = sanitize(q.reason);
  const name = sanitize(q.frameworkName) || q.framework.toUpperCase();
  const fields: MrkdwnElement[] = [
    field('Model', MODEL_LABELS[design.model]),
    field('Framework', reason === '' ? name : `${name}: ${reason}`),
    field('Cycle', o.cycleDays === 1 ? '1 day' : `${o.cycleDays} days`),
    field('Conversion (lead to customer)', conversion(design)),
    field(
      'Pipeline Health',
      o.health.insufficient === true
        ? 'insufficient data'
        : `${textBar(o.health.score, 10)} ${formatHealth(o.health.score)}`,
    ),
  ];
  if (options.weightedPipeline !== undefined && Number.isFinite(options.weightedPipeline))
    fields.push(field('Weighted pipeline', formatMoneyShortFromMillion(options.weightedPipeline)));
  return { type: 'section', fields };
}

function recommendations(design: Design): KnownBlock | undefined {
  const top = [...design.recommendations]
    .sort((a, b) => b.impact - a.impact)
    .slice(0, TOP_RECOMMENDATIONS)
    .map((r) => ({ title: sanitize(r.title), detail: sanitize(r.detail) }))
    .filter((r) => r.title !== '' || r.detail !== '');
  if (top.length === 0) return undefined;
  const room = Math.floor((SECTION_MAX - 40) / top.length) - 10;
  const lines = top.map((r, i) => {
    const title = r.title === '' ? '' : `*${mrkdwn(r.title, Math.floor(room / 2))}*`;
    const detail = r.detail === '' ? '' : mrkdwn(r.detail, title === '' ? room : Math.floor(room / 2));
    return `${i + 1}. ${[title, detail].filter((part) => part !== '').join(': ')}`;
  });
  return { type: 'section', text: { type: 'mrkdwn', text: `*Top recommendations*\n${lines.join('\n')}` } };
}

function timestamp(now: string): string {
  const shown = formatTime(now);
  const seconds = Math.floor(parseNow(now).toSeconds());
  // Slack shows <!date^…> in each reader's own time zone; the text after `|` is the fallback.
  return `<!date^${seconds}^{date_short_pretty} at {time}|${shown}>`;
}

/** Renders the Block Kit summary posted on top of a blueprint: header, overview, top recommendations, notes. */
export function renderBlueprintSummary(design: Design, options: SummaryOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: summaryTitle(design), emoji: true } },
    overview(design, options),
  ];
  const recs = recommendations(design);
  if (recs !== undefined) blocks.push(recs);
  const assumed = design.assumptions.length;
  if (assumed > 0) {
    const values = assumed === 1 ? '1 value was assumed' : `${assumed} values were assumed`;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `:warning: ${values} — see ASSUMPTIONS in the file` }],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Generated ${timestamp(options.now)} · Status: ● ${mrkdwn(design.overview.status, 50)} · full blueprint in the thread`,
      },
    ],
  });
  return blocks;
}
