/**
 * Time-zone names checked once each: building an Intl.DateTimeFormat is the only portable check of an
 * IANA name and costs far more than a lookup, and the same few zones are checked on every request.
 */
const known = new Map<string, Intl.DateTimeFormat>();
const unknown = new Set<string>();
// Unknown names come from people's input, so only a bounded number of them is remembered.
const UNKNOWN_REMEMBERED = 256;

/** The formatter for an IANA zone name (or alias such as UTC), built once per name; undefined when unknown. */
export function zoneFormat(zone: string): Intl.DateTimeFormat | undefined {
  const cached = known.get(zone);
  if (cached !== undefined || unknown.has(zone)) return cached;
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone });
    known.set(zone, format);
    return format;
  } catch {
    if (unknown.size >= UNKNOWN_REMEMBERED) unknown.clear();
    unknown.add(zone);
    return undefined;
  }
}

/** True when `zone` names a time zone this runtime knows, such as Europe/Berlin or UTC. */
export function isTimeZone(zone: string): boolean {
  return zone !== '' && zoneFormat(zone) !== undefined;
}
