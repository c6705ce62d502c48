/** Vocabulary of the CSV import: the systems it reads and how their columns feed a deal. */

import type { Deal } from '../engines/deal.js';

export const SOURCES = ['hubspot', 'salesforce', 'pipedrive', 'maven'] as const;
export type Source = (typeof SOURCES)[number];

/** Fields read as trimmed text; an empty cell is absent. */
export type TextField =
  | 'id'
  | 'stage'
  | 'status'
  | 'account'
  | 'owner'
  | 'product'
  | 'source'
  | 'forecastCategory';
/** Fields read as dates. `engagedAt` is when a deal entered its first worked stage (Maven's Engaging). `closeDate` is the close date of a closed deal and the expected one of an open deal. */
export type DateField =
  | 'createdAt'
  | 'engagedAt'
  | 'closedAt'
  | 'closeDate'
  | 'expectedCloseDate'
  | 'wonAt'
  | 'lostAt';
/** Fields read as yes/no flags (Salesforce's Won and Closed). */
export type FlagField = 'won' | 'closed';

/** Fields read as amounts; `quota` is the owner's quota, an amount repeated on each of their rows. */
export type AmountField = 'amount' | 'quota';
/** What a column feeds: a Deal field, or a fact the source's status and history rules read. */
export type MappedField = TextField | DateField | FlagField | AmountField;

/** How one export column is read; the parse kind always agrees with the field it feeds. */
export type ColumnRule = (
  | { field: TextField; parse: 'text' }
  | { field: DateField; parse: 'date' }
  | { field: FlagField; parse: 'flag' }
  | { field: AmountField; parse: 'amount' }
) & { required?: true };

/** The values one row yields, keyed by field; undefined when the cell is empty or the column is not exported. */
export type RowCells = Record<TextField | DateField, string | undefined> &
  Record<FlagField, boolean | undefined> &
  Record<AmountField, number | undefined>;

/** A product price list keyed by normalised name (see `normaliseProductName`). */
export type ProductIndex = ReadonlyMap<string, { name: string; price: number }>;

/** One system's export format: its columns as data, and its rules for status and history. */
export interface SourceDefinition {
  source: Source;
  /** What a person calls the file, e.g. "HubSpot deals export". */
  label: string;
  /** Column name exactly as the system exports it → how it is read. */
  columns: Readonly<Record<string, ColumnRule>>;
  /** Columns the export carries that no deal field takes; they still count towards recognising the file. */
  ignored: readonly string[];
  /** Turns one row's cells (id already checked) into a deal, or returns why the row cannot be imported. */
  toDeal: (cells: RowCells & { id: string }, products: ProductIndex) => Deal | string;
}
