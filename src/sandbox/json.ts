/** A JSON object of unknown shape. */
export type Json = Record<string, unknown>;

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
