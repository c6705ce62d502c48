import { auditGroups } from '../../blocks/audit-groups.js';
import { ignoredColumns, mappingLines } from '../../blocks/import-parts.js';
import { formatCount } from '../../engines/blueprint/index.js';
import { SOURCE_DEFINITIONS } from '../../import/index.js';
import type { DealCounts } from '../../store/index.js';
import type { HeaderMapping } from './header.js';
import type { ImportRun } from './run.js';

/** The source and the column → field mapping of a file, as the CLI prints them before importing. */
export function mappingText({ mapping, detected }: HeaderMapping): string {
  const lines = [
    `Source: ${SOURCE_DEFINITIONS[mapping.source].label} (${detected ? 'recognised from the header row' : 'as chosen with --source'})`,
    'Mapping (column → field):',
    ...mappingLines(mapping).map((line) => `  ${line}`),
  ];
  const ignored = ignoredColumns(mapping);
  if (ignored.length > 0) lines.push(`Not imported: ${ignored.join(', ')}`);
  lines.push(
    mapping.missingRequired.length === 0
      ? 'Required columns: all present'
      : `Missing required columns: ${mapping.missingRequired.join(', ')}`,
  );
  return `${lines.join('\n')}\n\n`;
}

/** Where the deals went: stored for a team (with its counts afterwards), or nowhere on a dry run. */
export type ImportDestination = { teamId: string; counts: DealCounts } | { dryRun: true };

/** What an import did, as the CLI prints it: rows, rejected rows with their numbers, stages, storage and audit. */
export function importReportText(run: ImportRun, destination: ImportDestination): string {
  const { result, stages, audit } = run;
  const lines = [
    `Read ${formatCount(result.rowsRead)} rows: ${formatCount(result.accepted)} accepted, ${formatCount(result.rejectedCount)} rejected.`,
  ];
  if (result.rejectedCount > 0) {
    lines.push('Rejected rows:', ...result.rejected.map((r) => `  ${r.reason}`));
    const unlisted = result.rejectedCount - result.rejected.length;
    if (unlisted > 0) lines.push(`  … and ${formatCount(unlisted)} more`);
  }
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.name);
  const closed = stages.filter((s) => s.kind !== 'open').map((s) => s.name);
  lines.push(`Pipeline stages: ${[...open, closed.join(' / ')].join(' → ')}`);
  if ('dryRun' in destination) lines.push('Dry run: nothing was stored.');
  else {
    const { counts, teamId } = destination;
    lines.push(
      `Stored ${formatCount(counts.total)} deals for team ${teamId}: ${formatCount(counts.open)} open, ${formatCount(counts.won)} won, ${formatCount(counts.lost)} lost.`,
    );
  }
  lines.push('', `Data hygiene audit (${formatCount(audit.checked)} records checked):`);
  for (const group of auditGroups(audit)) {
    if (group.count === 0) {
      lines.push(`  ${group.label}: none`);
      continue;
    }
    lines.push(`  ${group.label}: ${formatCount(group.count)} (${group.meaning})`);
    lines.push(...group.examples.map((e) => `    - ${e}`));
  }
  return `${lines.join('\n')}\n`;
}
