import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import type { Followups } from '../../jobs/followups.js';
import type { CommandRequest } from '../types.js';

const MAX_HOLIDAYS = 60;

/** Reads `2026-12-25 2026-12-26` (spaces or commas); every date must be real. */
export function parseHolidayDates(text: string): string[] {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const bad = words.filter((w) => !/^\d{4}-\d{2}-\d{2}$/.test(w) || !DateTime.fromISO(w).isValid);
  if (bad.length > 0) {
    throw new InputError(
      `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a date' : 'are not dates'}; write holidays as YYYY-MM-DD, such as \`/sales-ops sequence holidays 2026-12-25 2026-12-26\`.`,
    );
  }
  if (words.length > MAX_HOLIDAYS) throw new InputError(`At most ${MAX_HOLIDAYS} holidays; drop past ones.`);
  return words;
}

/**
 * `/sales-ops sequence holidays [dates…|clear]`: shows, sets or clears the team's holidays. Steps never
 * fall due on them; enrolments made before a change keep their dates.
 */
export async function holidaysCommand(request: CommandRequest, f: Followups, args: string): Promise<void> {
  const text = args.trim();
  if (text.toLowerCase() === 'clear') {
    await f.calendars.setHolidays(request.teamId, []);
    await request.reply({ text: 'Holidays cleared: follow-ups may fall due on any working weekday again.' });
    return;
  }
  if (text !== '') {
    const dates = parseHolidayDates(text);
    await f.calendars.setHolidays(request.teamId, dates);
    await request.reply({
      text: `Holidays set: ${[...new Set(dates)].sort().join(', ')}. New enrolments skip them; follow-ups already scheduled keep their dates.`,
    });
    return;
  }
  const current = await f.calendars.holidays(request.teamId);
  await request.reply({
    text:
      current.length === 0
        ? 'No team holidays yet. Set them with `/sales-ops sequence holidays 2026-12-25 2026-12-26`; follow-ups then skip those days.'
        : `Team holidays: ${current.join(', ')}. Replace them with \`/sales-ops sequence holidays <dates>\`, or \`/sales-ops sequence holidays clear\`.`,
  });
}
