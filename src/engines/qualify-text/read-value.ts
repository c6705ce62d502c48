import { parseMoney } from '../money.js';
import { type Answer, type Criterion, findLevel, levelChoices } from '../qualification/index.js';
import type { FrameworkId } from '../types.js';
import { formatAmount } from './format.js';
import { type CriterionReader, readerFor, type WordRule } from './readers.js';
import { type Clock, exampleDate, parseWhen } from './when.js';

/** What a value is read against: the clock (for dates) and the deal size (for budgets), when known. */
export interface ReadContext {
  clock: Clock;
  dealSize?: number | undefined;
}

/** An answer, or why the value could not be read with an example that works. */
export type ReadResult = { answer: Answer } | { problem: string };

const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

function matchWords(rules: readonly WordRule[], value: string): string | undefined {
  const text = words(value);
  return rules.find((r) => r.words.some((w) => text.includes(` ${w} `)))?.level;
}

function examplesFor(key: string, reader: CriterionReader, ctx: ReadContext): string {
  const values = reader.kind === 'date' ? [...reader.examples, exampleDate(ctx.clock)] : reader.examples;
  const list = values.map((v) => `${key}=${v}`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : (list[0] ?? '');
}

function readMoney(
  reader: Extract<CriterionReader, { kind: 'money' }>,
  value: string,
  ctx: ReadContext,
): Answer | undefined {
  const money = parseMoney(value);
  if (!money) return undefined;
  const stated = formatAmount(money);
  if (money.amount === 0) return { level: reader.zero, evidence: `No budget (${stated})` };
  if (ctx.dealSize === undefined || ctx.dealSize <= 0)
    return { level: reader.covers, evidence: `Budget ${stated}; no deal size to compare it with` };
  const deal = formatAmount({
    amount: ctx.dealSize,
    ...(money.currency ? { currency: money.currency } : {}),
  });
  return money.amount >= ctx.dealSize
    ? { level: reader.covers, evidence: `Budget ${stated} covers the ${deal} deal` }
    : { level: reader.short, evidence: `Budget ${stated} is below the ${deal} deal` };
}

function readDate(
  reader: Extract<CriterionReader, { kind: 'date' }>,
  key: string,
  value: string,
  ctx: ReadContext,
): ReadResult | undefined {
  const when = parseWhen(value, ctx.clock);
  if (!when) return undefined;
  if (when.days < 0) {
    return {
      problem: `"${value}" (${when.date}) is already past; give the day the decision is due, e.g. ${key}="next quarter"`,
    };
  }
  const level = reader.within.find((w) => when.days <= w.days)?.level ?? reader.later;
  const named = when.period ? ` (${when.period})` : '';
  const away = when.days === 0 ? 'today' : `${when.days} day${when.days === 1 ? '' : 's'} away`;
  return { answer: { level, evidence: `Decision by ${when.date}${named}, ${away}` } };
}

function failure(
  key: string,
  value: string,
  criterion: Criterion,
  reader: CriterionReader,
  ctx: ReadContext,
) {
  const examples = examplesFor(key, reader, ctx);
  const what =
    reader.kind === 'money'
      ? 'an amount'
      : reader.kind === 'date'
        ? 'a date or period'
        : `a ${criterion.name} answer`;
  const levels = reader.kind === 'words' ? ` (or a level: ${levelChoices(criterion)})` : '';
  return { problem: `"${value}" is not ${what}; try ${examples}${levels}` };
}

/**
 * Reads one inline value as a level of `criterion`: its level ids, labels and points always work; BANT and
 * Sandler also read amounts, dates and words (`budget=50k`, `timeline="next quarter"`, `authority=vp`).
 */
export function readCriterionValue(
  framework: FrameworkId,
  criterion: Criterion,
  key: string,
  value: string,
  ctx: ReadContext,
): ReadResult {
  const level = value.trim() === '' ? undefined : findLevel(criterion, value);
  if (level) return { answer: { level: level.id } };
  const reader = readerFor(framework, criterion.id);
  if (!reader) {
    const example = criterion.levels.find((l) => l.disqualifies === undefined && l.points > 0)?.id;
    return {
      problem: `"${value}" is not a ${criterion.name} level; use one of ${levelChoices(criterion)}${example ? `, e.g. ${key}=${example}` : ''}`,
    };
  }
  const worded = value.trim() === '' ? undefined : matchWords(reader.words, value);
  if (worded) return { answer: { level: worded, evidence: `Stated as "${value.trim()}"` } };
  if (reader.kind === 'money') {
    const answer = readMoney(reader, value, ctx);
    if (answer) return { answer };
  }
  if (reader.kind === 'date') {
    const result = readDate(reader, key, value, ctx);
    if (result) return result;
  }
  return failure(key, value, criterion, reader, ctx);
}
