import { parseMoney } from '../money.js';
import {
  isRangeSection,
  itemKey,
  MAX_ITEM_LENGTH,
  MAX_ITEMS,
  MAX_RANGE_VALUE,
  type Range,
  type RangeSectionId,
  SECTION_IDS,
  SECTIONS,
  type SectionId,
} from './sections.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads a list section as a person types it: one item per line (commas also split when `commas` is set),
 * blanks and repeats dropped. Refuses too many items or too long an item, saying which and by how much.
 */
export function parseItems(
  text: string,
  title: string,
  options: { commas?: boolean } = {},
): Parsed<string[]> {
  const parts = text.split(options.commas ? /[\n,;]/ : /\n/);
  const items: string[] = [];
  const seen = new Set<string>();
  for (const raw of parts) {
    const item = raw
      .replace(/^\s*[-*•]\s*/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (item === '' || seen.has(itemKey(item))) continue;
    if (item.length > MAX_ITEM_LENGTH) {
      return {
        ok: false,
        problem: `"${item.slice(0, 30)}…" is ${item.length} characters; keep each item to ${MAX_ITEM_LENGTH} or fewer (split it in two, or shorten it)`,
      };
    }
    seen.add(itemKey(item));
    items.push(item);
  }
  if (items.length > MAX_ITEMS) {
    return {
      ok: false,
      problem: `${title} takes at most ${MAX_ITEMS} items and this has ${items.length}; remove ${items.length - MAX_ITEMS} or merge similar ones`,
    };
  }
  return { ok: true, value: items };
}

/** Reads one end of a range: a whole number of employees, or an amount such as `5m` or `$250k`. */
export function parseBound(id: RangeSectionId, text: string, which: 'minimum' | 'maximum'): Parsed<number> {
  const trimmed = text.trim();
  const example = id === 'companySize' ? '50 or 1,000' : '500k, $5m or 1.2bn';
  if (trimmed === '') return { ok: false, problem: `Give a ${which}, such as ${example}` };
  const money = parseMoney(trimmed);
  if (!money) return { ok: false, problem: `"${trimmed}" is not a number; write it like ${example}` };
  if (id === 'companySize' && !Number.isInteger(money.amount))
    return {
      ok: false,
      problem: `"${trimmed}" is not a whole number of employees; write it like ${example}`,
    };
  if (money.amount > MAX_RANGE_VALUE)
    return { ok: false, problem: `"${trimmed}" is larger than a trillion; check the number` };
  return { ok: true, value: money.amount };
}

/** Checks a range once both ends are read: the minimum may not be above the maximum. */
export function checkRange(id: RangeSectionId, range: Range): Parsed<Range> {
  if (range.min > range.max) {
    const what = SECTIONS[id].title.toLowerCase();
    return {
      ok: false,
      problem: `The ${what} minimum (${range.min.toLocaleString('en-US')}) is above the maximum (${range.max.toLocaleString('en-US')}); swap them or fix one`,
    };
  }
  return { ok: true, value: range };
}

/** Reads `50-500`, `50 to 500` or `$5m–$100m` as a range. */
export function parseRangeText(id: RangeSectionId, text: string): Parsed<Range> {
  const match = /^(.+?)\s*(?:-|–|—|\bto\b)\s*(.+)$/i.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      problem: `write ${SECTIONS[id].title.toLowerCase()} as a range such as ${SECTIONS[id].example}`,
    };
  }
  const min = parseBound(id, match[1] ?? '', 'minimum');
  if (!min.ok) return min;
  const max = parseBound(id, match[2] ?? '', 'maximum');
  if (!max.ok) return max;
  return checkRange(id, { min: min.value, max: max.value });
}

/** A change someone proposes to one section. */
export type Proposal = { section: SectionId; add: string[] } | { section: SectionId; range: Range };

/** The section a thread reply starts with (`Pain points: slow quotes`), matched on its title or an alias. */
export function sectionNamed(text: string): { section: SectionId; rest: string } | undefined {
  const match = /^\s*([^:\n]{2,40}?)\s*[:\-–]\s*([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase().replace(/\*/g, '').trim();
  const section = SECTION_IDS.find(
    (id) => SECTIONS[id].title.toLowerCase() === name || SECTIONS[id].aliases.includes(name),
  );
  return section ? { section, rest: (match[2] ?? '').trim() } : undefined;
}

/** Reads a thread reply as a suggestion: the section it names and the items or range it proposes. */
export function parseThreadReply(text: string): Parsed<Proposal> | undefined {
  const named = sectionNamed(text);
  if (!named) return undefined;
  const { section, rest } = named;
  if (isRangeSection(section)) {
    const range = parseRangeText(section, rest);
    return range.ok ? { ok: true, value: { section, range: range.value } } : range;
  }
  const items = parseItems(rest, SECTIONS[section].title, { commas: true });
  if (!items.ok) return items;
  if (items.value.length === 0)
    return {
      ok: false,
      problem: `write what to add after "${SECTIONS[section].title}:", e.g. ${SECTIONS[section].example}`,
    };
  return { ok: true, value: { section, add: items.value } };
}
