import { formatCount, formatMoneyRange } from '../format.js';

/** The eight sections of a team's ICP card, in the order the card shows them. */
export const SECTION_IDS = [
  'industries',
  'companySize',
  'annualRevenue',
  'geography',
  'painPoints',
  'buyingTriggers',
  'disqualifiers',
  'personas',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const RANGE_SECTIONS = ['companySize', 'annualRevenue'] as const;
export type RangeSectionId = (typeof RANGE_SECTIONS)[number];
export type ListSectionId = Exclude<SectionId, RangeSectionId>;

export interface Range {
  min: number;
  max: number;
}

interface SectionInfo {
  title: string;
  /** Other words a thread reply may start with to name the section. */
  aliases: readonly string[];
  /** An example value, for hints and error messages. */
  example: string;
}

export const SECTIONS: Record<SectionId, SectionInfo> = {
  industries: { title: 'Industries', aliases: ['industry', 'verticals'], example: 'B2B SaaS' },
  companySize: {
    title: 'Company size',
    aliases: ['size', 'employees', 'headcount'],
    example: '50-500',
  },
  annualRevenue: { title: 'Annual revenue', aliases: ['revenue', 'arr'], example: '5m-100m' },
  geography: { title: 'Geography', aliases: ['geo', 'regions', 'region', 'countries'], example: 'DACH' },
  painPoints: { title: 'Pain points', aliases: ['pain', 'pains', 'pain point'], example: 'manual reporting' },
  buyingTriggers: {
    title: 'Buying triggers',
    aliases: ['triggers', 'trigger', 'buying trigger'],
    example: 'new VP of Sales',
  },
  disqualifiers: {
    title: 'Disqualifiers',
    aliases: ['disqualifier', 'red flags', 'dq'],
    example: 'fewer than 10 employees',
  },
  personas: {
    title: 'Personas and titles',
    aliases: ['personas', 'persona', 'titles', 'roles'],
    example: 'Head of RevOps',
  },
};

/** At most this many items in one list section. */
export const MAX_ITEMS = 20;
/** At most this many characters in one item. */
export const MAX_ITEM_LENGTH = 80;
/** The largest number a range takes (a trillion). */
export const MAX_RANGE_VALUE = 1e12;

export const isRangeSection = (id: SectionId): id is RangeSectionId =>
  (RANGE_SECTIONS as readonly string[]).includes(id);
export const isSectionId = (id: string): id is SectionId => (SECTION_IDS as readonly string[]).includes(id);

/** The values of every section: lists of items, and ranges (absent until someone sets them). */
export interface IcpValues {
  industries: string[];
  companySize?: Range | undefined;
  annualRevenue?: Range | undefined;
  geography: string[];
  painPoints: string[];
  buyingTriggers: string[];
  disqualifiers: string[];
  personas: string[];
}

export const emptyValues = (): IcpValues => ({
  industries: [],
  geography: [],
  painPoints: [],
  buyingTriggers: [],
  disqualifiers: [],
  personas: [],
});

/** How two items compare: case, spacing and trailing punctuation do not make a different item. */
export function itemKey(item: string): string {
  return item
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.;,]+$/, '')
    .trim();
}

/**
 * Merges a change into a list by union: items added that are not there yet go at the end, items removed go
 * (matched by `key`), and everything else someone else added meanwhile stays.
 */
export function mergeList(
  current: readonly string[],
  change: { add: readonly string[]; remove: ReadonlySet<string> },
  key: (item: string) => string = itemKey,
): string[] {
  const kept = current.filter((item) => !change.remove.has(key(item)));
  const seen = new Set(kept.map(key));
  for (const item of change.add) {
    const k = key(item);
    if (seen.has(k) || change.remove.has(k)) continue;
    seen.add(k);
    kept.push(item);
  }
  return kept;
}

/** A range as the card shows it: `50–500 employees`, `$5M–$100M`. */
export function formatRange(id: RangeSectionId, range: Range): string {
  return id === 'companySize'
    ? `${formatCount(range.min)}–${formatCount(range.max)} employees`
    : formatMoneyRange(range.min, range.max);
}

/** A section's value as plain lines, for the card, history and conflict messages. */
export function describeValue(id: SectionId, values: IcpValues): string[] {
  if (isRangeSection(id)) {
    const range = values[id];
    return range ? [formatRange(id, range)] : [];
  }
  return values[id];
}

/** A short, stable id of an item (FNV-1a of its key, twice), so a modal can remember what it showed. */
export function itemId(item: string): string {
  const key = itemKey(item);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
