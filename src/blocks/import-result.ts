import type { KnownBlock } from '@slack/types';
import { formatCount } from '../engines/blueprint/index.js';
import type { AuditReport } from '../engines/crm/index.js';
import type { StageDef } from '../engines/pipeline/index.js';
import type { Problem } from '../errors.js';
import { type ImportResult, type MappingPreview, SOURCE_DEFINITIONS } from '../import/index.js';
import { renderAudit } from './audit.js';
import { mrkdwn, textBar, truncate } from './format.js';
import { mappingMrkdwn, rejectedMrkdwn } from './import-parts.js';
import { LIMITS } from './limits.js';

type Message = { text: string; blocks: KnownBlock[] };

const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText) },
});
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** The progress message while an import runs: rows read so far against the rows the preview counted. */

/** The deals stored once the import is in, by state. */
export interface StoredDealCounts {
  total: number;
  open: number;
  won: number;
  lost: number;
}

export function renderImportProgress(progress: { fileName: string; rows: number; total: number }): Message {
  const { rows, total } = progress;
  const share = total > 0 ? Math.min(100, Math.round((100 * rows) / total)) : 0;
  const text = `Importing ${progress.fileName}: ${formatCount(rows)} of ${formatCount(total)} rows (${share}%)`;
  return {
    text,
    blocks: [
      section(
        `*Importing ${mrkdwn(progress.fileName, 200)}…*\n\`${textBar(rows, total, 20)}\` ${formatCount(rows)} of ${formatCount(total)} rows (${share}%)`,
      ),
      context('The deals stored now stay in place until every row is read; then they are replaced at once.'),
    ],
  };
}

/** What a finished import reports: rows kept and rejected, deals stored per status, the stages and the audit. */
export interface ImportDone {
  fileName: string;
  result: ImportResult;
  stages: readonly StageDef[];
  audit: AuditReport;
  counts: StoredDealCounts;
}

/** The final message of an import: counts, the first rejected rows with reasons, the stages and the hygiene audit. */
export function renderImportDone(done: ImportDone): Message {
  const { result, counts } = done;
  const label = SOURCE_DEFINITIONS[result.source].label;
  const text = `Imported ${formatCount(result.accepted)} deals from ${done.fileName}; ${formatCount(result.rejectedCount)} rows rejected.`;
  const stages = done.stages.map((s) => s.name);
  const open = done.stages.filter((s) => s.kind === 'open').map((s) => s.name);
  const closed = done.stages.filter((s) => s.kind !== 'open').map((s) => s.name);
  const blocks: KnownBlock[] = [
    header(`Imported: ${done.fileName}`),
    section(
      `*${formatCount(result.accepted)} deals imported* from ${formatCount(result.rowsRead)} rows of a ${label}.\n` +
        `Stored now: ${formatCount(counts.total)} deals: ${formatCount(counts.open)} open, ${formatCount(counts.won)} won, ${formatCount(counts.lost)} lost.`,
    ),
    section(rejectedMrkdwn(result.rejected, result.rejectedCount)),
    ...(stages.length > 0
      ? [
          context(
            `Pipeline stages: ${mrkdwn([open.join(' → '), closed.join(' / ')].filter(Boolean).join(' → '), 1000)}`,
          ),
        ]
      : []),
    { type: 'divider' },
    ...renderAudit(done.audit),
  ];
  return { text, blocks };
}

/** Room for the problems of a refused file in one section, below Slack's 3,000 characters. */
const PROBLEMS_BUDGET = 2600;

/** A refused file: each problem, the mapping when the header could be read, and that nothing was changed. */
export function renderImportRefused(refused: {
  fileName: string;
  problems: readonly Problem[];
  mapping?: MappingPreview;
}): Message {
  const lines: string[] = [];
  let room = PROBLEMS_BUDGET;
  for (const p of refused.problems) {
    const line = `• ${mrkdwn(p.path ? `${p.path}: ${p.message}` : p.message, 600)}`;
    if (line.length + 1 > room) {
      lines.push(`• … and ${refused.problems.length - lines.length} more`);
      break;
    }
    lines.push(line);
    room -= line.length + 1;
  }
  const problems = lines;
  const text = `Could not import ${refused.fileName}: nothing was changed.`;
  return {
    text,
    blocks: [
      header(`Not imported: ${refused.fileName}`),
      section(`*The file was refused, so nothing was changed:*\n${problems.join('\n')}`),
      ...(refused.mapping ? [section(mappingMrkdwn(refused.mapping))] : []),
      context('Fix the file (or export it again), then run `/sales-ops import` once more.'),
    ],
  };
}

/** A one-line outcome that replaces the preview: cancelled, expired, or failed on our side. */
export function renderImportNotice(text: string): Message {
  return { text, blocks: [section(text)] };
}
