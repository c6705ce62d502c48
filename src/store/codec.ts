import type { z } from 'zod';
import { CorruptRecordError } from '../errors.js';

/** Parses a stored JSON string with `schema`; undefined when the key was empty. */
export function decode<S extends z.ZodType>(
  schema: S,
  key: string,
  raw: string | null,
): z.output<S> | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CorruptRecordError(key, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptRecordError(key, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}
