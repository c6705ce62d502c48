import { describe, expect, it } from 'vitest';
import { parseDigestSchedule } from '../../../src/engines/digest-schedule/index.js';
import { InputError } from '../../../src/errors.js';

const ZONE = 'America/New_York';

describe('parseDigestSchedule', () => {
  it.each([
    ['every monday 9am', '0 9 * * 1', ZONE, 'Mondays at 09:00 (America/New_York)', 'weekly'],
    ['every friday at 16:30', '30 16 * * 5', ZONE, 'Fridays at 16:30 (America/New_York)', 'weekly'],
    ['mondays 8am Europe/Berlin', '0 8 * * 1', 'Europe/Berlin', 'Mondays at 08:00 (Europe/Berlin)', 'weekly'],
    [
      'Every Monday at 9AM europe/berlin',
      '0 9 * * 1',
      'Europe/Berlin',
      'Mondays at 09:00 (Europe/Berlin)',
      'weekly',
    ],
    [
      'every weekday 9am',
      '0 9 * * 1-5',
      ZONE,
      'Weekdays (Monday to Friday) at 09:00 (America/New_York)',
      'daily',
    ],
    [
      'monday-friday 9am',
      '0 9 * * 1-5',
      ZONE,
      'Weekdays (Monday to Friday) at 09:00 (America/New_York)',
      'daily',
    ],
    ['daily 8am', '0 8 * * *', ZONE, 'Every day at 08:00 (America/New_York)', 'daily'],
    [
      'mondays and thursdays 10:15',
      '15 10 * * 1,4',
      ZONE,
      'Mondays and Thursdays at 10:15 (America/New_York)',
      'daily',
    ],
    ['sunday 23:30 UTC', '30 23 * * 0', 'UTC', 'Sundays at 23:30 (UTC)', 'weekly'],
    ['monday', '0 9 * * 1', ZONE, 'Mondays at 09:00 (America/New_York)', 'weekly'],
    ['tue 3am', '0 3 * * 2', ZONE, 'Tuesdays at 03:00 (America/New_York)', 'weekly'],
    ['wednesday 12:59am', '59 0 * * 3', ZONE, 'Wednesdays at 00:59 (America/New_York)', 'weekly'],
  ])('reads "%s" as %s in %s', (text, pattern, tz, description, cadence) => {
    expect(parseDigestSchedule(text, { zone: ZONE })).toMatchObject({ pattern, tz, description, cadence });
  });

  it.each([
    ['every blursday', /could not read "blursday".*`every monday 9am`/],
    ['9am', /say which day.*`every monday 9am`/],
    ['', /say when the digest should run/],
    ['mon 9', /could not read "9"/],
    ['tomorrow 9am', /name a weekday rather than a date/],
    ['nov 30 9am', /name a weekday rather than a date/],
    ['every monday 2:30am', /02:30 falls between 01:00 and 03:00.*daylight-saving/],
    ['every monday 1am', /01:00 falls between 01:00 and 03:00/],
    ['monday 9am mars/olympus', /"mars\/olympus" is not a time zone I know.*IANA/],
    ['monday 9am Europe/Berlin UTC', /name one time zone/],
    ['monday 9am and thursday 10am', /one time for every day/],
    ['monday 9:15:30', /hours and minutes/],
  ])('refuses "%s" with a message that says how to fix it', (text, message) => {
    let error: unknown;
    try {
      parseDigestSchedule(text, { zone: ZONE });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]?.message).toMatch(message);
  });

  it('uses the zone given when none is named, and refuses an unknown one', () => {
    expect(parseDigestSchedule('friday 5pm', { zone: 'Asia/Tokyo' }).tz).toBe('Asia/Tokyo');
    expect(() => parseDigestSchedule('friday 5pm', { zone: 'Nowhere/City' })).toThrow(/not a time zone/);
  });
});
