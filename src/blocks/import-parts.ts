import { formatCount } from '../engines/blueprint/index.js';
import type { MappedField, MappingPreview, RejectedRow } from '../import/index.js';
import { mrkdwn, truncate } from './format.js';

/** What each deal field is called when a person reads the mapping; a field not listed shows its own name. */
export const FIELD_LABELS: Partial<Record<MappedField, string>> = {
  id: 'deal id',
  stage: 'stage',
  status: 'status',
  account: 'account',
  owner: 'owner',
  product: 'product',
  source: 'lead source',
  createdAt: 'created date',
  engagedAt: 'engaged date',
  closedAt: 'closed date',
  closeDate: 'close date',
  expectedCloseDate: 'expected close date',
  wonAt: 'won date',
  lostAt: 'lost date',
  won: 'won (yes/no)',
  closed: 'closed (yes/no)',
  amount: 'amount',
  forecastCategory: 'forecast category',
  quota: "owner's quota",
};

const COLUMN_WIDTH = 28;
const MAX_MAPPED_LINES = 40;

/** The mapping as lines `column → field`, mapped columns only, aligned for a code block or a terminal. */
export function mappingLines(mapping: MappingPreview): string[] {
  const mapped = mapping.columns.flatMap(({ column, field }) => (field === null ? [] : [{ column, field }]));
  const width = Math.min(COLUMN_WIDTH, Math.max(0, ...mapped.map((m) => m.column.length)));
  return mapped.map(
    ({ column, field }) =>
      `${truncate(column, COLUMN_WIDTH).padEnd(width)}  →  ${FIELD_LABELS[field] ?? field}`,
  );
}

/** Columns of the file that no deal field takes. */
export function ignoredColumns(mapping: MappingPreview): string[] {
  return mapping.columns.filter((c) => c.field === null).map((c) => c.column);
}

/** The mapping as mrkdwn: a code block of mapped columns, the ignored ones, and the missing required ones. */
export function mappingMrkdwn(mapping: MappingPreview): string {
  const lines = mappingLines(mapping);
  const shown = lines.slice(0, MAX_MAPPED_LINES);
  if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more`);
  const ignored = ignoredColumns(mapping);
  const parts = [
    '*Column → field*',
    shown.length > 0
      ? `\`\`\`${mrkdwn(shown.join('\n'), 2000)}\`\`\``
      : '_No column of the file feeds a deal field._',
  ];
  if (ignored.length > 0) parts.push(`Not imported (${ignored.length}): ${mrkdwn(ignored.join(', '), 400)}`);
  parts.push(
    mapping.missingRequired.length === 0
      ? 'Required columns: all present.'
      : `*Missing required columns:* ${mrkdwn(mapping.missingRequired.join(', '), 300)}`,
  );
  return parts.join('\n');
}

const REJECTED_SHOWN = 10;
const REASON_MAX = 200;

/** Rejected rows as mrkdwn: the count, then the first rows with their row numbers and reasons. */
export function rejectedMrkdwn(rejected: readonly RejectedRow[], count: number): string {
  if (count === 0) return 'No row was rejected.';
  const lines = rejected.slice(0, REJECTED_SHOWN).map((r) => `• ${mrkdwn(r.reason, REASON_MAX)}`);
  const more = count - lines.length;
  if (more > 0) lines.push(`• … and ${formatCount(more)} more`);
  return [`*${formatCount(count)} rows rejected* (row numbers as a spreadsheet shows them):`, ...lines].join(
    '\n',
  );
}
