/** Digest schedules in words: `every monday 9am` → a cron pattern and IANA time zone. */

export { cronDays, DAY_NAMES, describeDays } from './days.js';
export { DEFAULT_HOUR, type DigestSchedule, parseDigestSchedule, SCHEDULE_EXAMPLES } from './parse.js';
export { canonicalZone, looksLikeZone } from './zone.js';
