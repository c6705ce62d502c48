import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';

/** Parses ISO 8601; a date or time without an offset is read as UTC so results never depend on the machine. */
export function isoDate(text: string, path: string): DateTime {
  const parsed = DateTime.fromISO(text, { zone: 'utc', setZone: true });
  if (!parsed.isValid) {
    throw new InputError([
      { path, message: 'must be an ISO 8601 date such as 2025-03-01 or 2025-03-01T09:00Z' },
    ]);
  }
  return parsed;
}
