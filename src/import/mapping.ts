import { InputError, type Problem } from '../errors.js';
import { type BoundColumn, bindColumn } from './cells.js';
import { SOURCE_DEFINITIONS } from './sources/index.js';
import { type MappedField, SOURCES, type Source, type SourceDefinition } from './types.js';

/** What the import will do with each column of a file, shown to a person before anything is stored. */
export interface MappingPreview {
  source: Source;
  /** Every header column in file order; `field` is null when the column is ignored. */
  columns: { column: string; field: MappedField | null }[];
  /** Required columns of the source that the header lacks, spelled as the source exports them. */
  missingRequired: string[];
}

/** How a parsed header is read: the preview and the columns that feed fields, with their place in each row. */
export interface MappingPlan {
  preview: MappingPreview;
  bound: BoundColumn[];
  idColumn: string;
  /** Where each row holds its id; undefined when no column feeds it. */
  idIndex: number | undefined;
}

// Exports differ in case and stray spaces ("Deal Owner" vs "Deal owner") depending on the account's settings.
const normalise = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const knownColumns = (definition: SourceDefinition): string[] => [
  ...Object.keys(definition.columns),
  ...definition.ignored,
];

const requiredColumns = (definition: SourceDefinition): string[] =>
  Object.entries(definition.columns)
    .filter(([, rule]) => rule.required)
    .map(([column]) => column);

/** Recognises an export from its header row; undefined when no source clearly fits (fewer than 2 known columns, or a tie). */
export function detectSource(header: readonly string[]): Source | undefined {
  const present = new Set(header.map(normalise));
  const scores = SOURCES.map((source) => ({
    source,
    score: knownColumns(SOURCE_DEFINITIONS[source]).filter((column) => present.has(normalise(column))).length,
  })).sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scores;
  if (!best || best.score < 2 || best.score === runnerUp?.score) return undefined;
  return best.source;
}

/** Says which Deal field each column of `header` feeds for `source`, and which required columns are missing. */
export function describeMapping(source: Source, header: readonly string[]): MappingPreview {
  const definition = SOURCE_DEFINITIONS[source];
  const rules = new Map(
    Object.entries(definition.columns).map(([column, rule]) => [normalise(column), rule]),
  );
  const present = new Set(header.map(normalise));
  return {
    source,
    columns: header.map((column) => ({ column, field: rules.get(normalise(column))?.field ?? null })),
    missingRequired: requiredColumns(definition).filter((column) => !present.has(normalise(column))),
  };
}

function unrecognised(header: readonly string[]): InputError {
  const found = header.length > 12 ? [...header.slice(0, 12), '…'] : header;
  const problems: Problem[] = [
    {
      path: '',
      message: `The header row matches none of the exports this import reads. It has: ${found.join(', ') || '(nothing)'}.`,
    },
  ];
  const only = header[0];
  if (header.length === 1 && only !== undefined && /[;\t]/.test(only)) {
    problems.push({
      path: '',
      message: 'Its columns are separated by ";" or tabs: export the file with commas.',
    });
  }
  problems.push({ path: '', message: 'The first line must be the header row of one of these exports:' });
  for (const source of SOURCES) {
    const definition = SOURCE_DEFINITIONS[source];
    const required = requiredColumns(definition);
    const optional = Object.keys(definition.columns).filter((column) => !required.includes(column));
    problems.push({
      path: source,
      message: `${definition.label}: needs ${required.join(', ')}; also reads ${optional.join(', ')}`,
    });
  }
  return new InputError(problems);
}

/** Decides how a file is read from its header row; throws an InputError naming what is missing or unrecognised. */
export function planMapping(header: readonly string[], explicit: Source | undefined): MappingPlan {
  const source = explicit ?? detectSource(header);
  if (source === undefined) throw unrecognised(header);
  const definition = SOURCE_DEFINITIONS[source];
  const preview = describeMapping(source, header);
  if (preview.missingRequired.length > 0) {
    const how = explicit ? `was imported as a ${definition.label}` : `looks like a ${definition.label}`;
    throw new InputError(
      `The file ${how} but has no column ${preview.missingRequired.map((c) => `"${c}"`).join(', ')}. ` +
        'Add the missing columns to the export and import it again.',
    );
  }
  const canonical = new Map(Object.keys(definition.columns).map((column) => [normalise(column), column]));
  const seen = new Map<string, number>();
  header.forEach((cell, index) => {
    const column = canonical.get(normalise(cell));
    if (column === undefined) return;
    if (seen.has(column))
      throw new InputError(`The header has the column "${column}" twice: keep one and import again.`);
    seen.set(column, index);
  });
  const bound = Object.entries(definition.columns).flatMap(([column, rule]) => {
    const index = seen.get(column);
    return index === undefined ? [] : [bindColumn(column, rule, index)];
  });
  const id = bound.find((b) => b.rule.field === 'id');
  return { preview, bound, idColumn: id?.column ?? 'id', idIndex: id?.index };
}
