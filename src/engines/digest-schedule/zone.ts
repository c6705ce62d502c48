import { IANAZone } from 'luxon';

/** A token that is meant as a time zone: an IANA name (`Europe/Berlin`) or UTC/GMT. */
const ZONE_LIKE = /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+|utc|gmt)$/i;

/** Whether a word of the schedule looks like a time zone name (valid or not). */
export function looksLikeZone(word: string): boolean {
  return ZONE_LIKE.test(word);
}

/**
 * The canonical spelling of an IANA time zone (`europe/berlin` → `Europe/Berlin`, `utc` → `UTC`), or
 * undefined when luxon does not know the zone.
 */
export function canonicalZone(name: string): string | undefined {
  if (!IANAZone.isValidZone(name)) return undefined;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return /^(etc\/)?(utc|gmt|uct|zulu|universal)$/i.test(resolved) ? 'UTC' : resolved;
}
