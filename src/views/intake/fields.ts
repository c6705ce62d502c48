import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { readAmount } from '../../engines/money.js';
import { ACTION_IDS, BLOCK_IDS, type IntakeField } from './ids.js';
import { FIELD_LABELS } from './labels.js';

/** Slack's `view.state.values`: `{ [blockId]: { [actionId]: { type, value | selected_option ... } } }`. */
export type StateValues = ViewOutput['state']['values'];

/** What a converter makes of one non-empty input: a value, or a message saying how to fix it. */
export type Converted<T> = { value: T } | { error: string };

/** Reads each field's raw text (typed value or selected option) keyed by its block id; empty becomes undefined. */
export function readInputs(
  values: StateValues,
  fields: readonly IntakeField[],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const field of fields) {
    const state = values[BLOCK_IDS[field]]?.[ACTION_IDS[field]];
    const raw = state?.selected_option?.value ?? state?.value ?? undefined;
    out[BLOCK_IDS[field]] = raw === undefined || raw.trim() === '' ? undefined : raw;
  }
  return out;
}

/**
 * A zod schema for one input: blank is `undefined` (or the `required` message), anything else goes through
 * `convert` (trimmed, unless `keepLines` so line numbers in messages match what the person sees), whose error
 * message becomes the inline error under the field.
 */
export function field<T>(convert: (text: string) => Converted<T>, required?: string, keepLines = false) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const text = raw === undefined || raw.trim() === '' ? '' : keepLines ? raw : raw.trim();
      if (text === '') {
        if (required === undefined) return undefined;
        ctx.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      const out = convert(text);
      if ('error' in out) {
        ctx.addIssue({ code: 'custom', message: out.error });
        return z.NEVER;
      }
      return out.value;
    });
}

/** Free text of at most `max` characters. */
export function text(max: number, what: string) {
  return (input: string): Converted<string> =>
    input.length <= max
      ? { value: input }
      : { error: `Shorten ${what} to ${max} characters or fewer (it has ${input.length})` };
}

/** One of a fixed list of values (what a static select sends). */
export function choice<const T extends string>(values: readonly T[], message: string) {
  return (input: string): Converted<T> => {
    const found = values.find((v) => v === input);
    return found === undefined ? { error: message } : { value: found };
  };
}

/** An amount of money, read as the qualify modal reads it: `25000`, `25,000`, `50k`, `$1.2m`, `1.2 million`, `75000 USD`. */
export function money(field: IntakeField) {
  return (input: string): Converted<number> => {
    const read = readAmount(FIELD_LABELS[field], input);
    return 'error' in read ? read : { value: read.value.amount };
  };
}

/** A percentage from 0 to 100; a trailing `%` is allowed. */
export function percent(what: string, example: number) {
  return (input: string): Converted<number> => {
    const value = Number(input.replace(/\s*%$/, '').replaceAll(',', ''));
    if (!Number.isFinite(value)) return { error: `Enter ${what} as a percentage, such as ${example}` };
    if (value < 0 || value > 100)
      return { error: `Enter ${what} between 0 and 100 (a percentage, such as ${example})` };
    return { value };
  };
}

/** A whole number within bounds, e.g. days or employees. */
export function wholeNumber(unit: string, example: number, min: number, max: number) {
  return (input: string): Converted<number> => {
    const value = Number(input.replaceAll(',', ''));
    if (!Number.isInteger(value)) return { error: `Enter a whole number of ${unit}, such as ${example}` };
    if (value < min || value > max)
      return { error: `Enter between ${min} and ${max} ${unit}, such as ${example}` };
    return { value };
  };
}

/** A list typed as comma-separated text (`B2B SaaS, Fintech`); blank items are dropped. */
export function commaList(what: string, maxItem: number) {
  return (input: string): Converted<string[] | undefined> => items(input.split(/[,\n]/), what, maxItem);
}

/** A list typed one item per line; leading bullets (`-`, `*`, `•`) are dropped. */
export function lineList(what: string, maxItem: number) {
  return (input: string): Converted<string[] | undefined> =>
    items(
      input.split('\n').map((line) => line.replace(/^\s*[-*•]\s*/, '')),
      what,
      maxItem,
    );
}

function items(parts: string[], what: string, maxItem: number): Converted<string[] | undefined> {
  const list = parts.map((p) => p.trim()).filter((p) => p !== '');
  const long = list.find((p) => p.length > maxItem);
  if (long !== undefined)
    return { error: `Shorten each of the ${what} to ${maxItem} characters (one has ${long.length})` };
  return { value: list.length > 0 ? list : undefined };
}
