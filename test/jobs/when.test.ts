import { describe, expect, it } from 'vitest';
import { parseAbsence, parseWhen } from '../../src/views/snooze/when.js';

// Tuesday 24 November 2026, 09:00 in New York, 15:00 in Paris.
const NOW = new Date('2026-11-24T14:00:00Z');

describe('parseWhen (snooze)', () => {
  it.each([
    ['tomorrow 3pm', 'America/New_York', '2026-11-25T20:00:00.000Z'],
    ['tomorrow 3pm', 'Europe/Paris', '2026-11-25T14:00:00.000Z'],
    ['in 2 days', 'America/New_York', '2026-11-26T14:00:00.000Z'],
    ['tomorrow', 'America/New_York', '2026-11-25T14:00:00.000Z'],
    ['in 2 hours', 'America/New_York', '2026-11-24T16:00:00.000Z'],
    ['friday at 10am', 'America/New_York', '2026-11-27T15:00:00.000Z'],
    ['tomorrow 3pm PST', 'America/New_York', '2026-11-25T23:00:00.000Z'],
  ])('reads "%s" in %s', (text, zone, iso) => {
    expect(parseWhen(text, NOW, zone)).toEqual({ ok: true, at: new Date(iso) });
  });

  it('keeps the local time across a daylight-saving change', () => {
    // Friday 30 October 2026 in New York (EDT); Monday 2 November is EST.
    const friday = new Date('2026-10-30T14:00:00Z');
    expect(parseWhen('monday 9am', friday, 'America/New_York')).toEqual({
      ok: true,
      at: new Date('2026-11-02T14:00:00.000Z'),
    });
  });

  it.each([
    ['blorp', 'Could not read "blorp" as a time; write something like "tomorrow 3pm"'],
    ['yesterday 3pm', 'That is in the past (Mon 23 Nov 15:00); write something like "tomorrow 3pm"'],
    ['in 3 years', 'That is more than a year away; pick a time within the next twelve months.'],
  ])('refuses "%s" and says what to write', (text, message) => {
    const result = parseWhen(text, NOW, 'America/New_York');
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
  });
});

describe('parseAbsence (ooo)', () => {
  it.each([
    ['until Dec 2', { from: '2026-11-24', to: '2026-12-02' }],
    ['Dec 1 - Dec 5', { from: '2026-12-01', to: '2026-12-05' }],
    ['from Dec 1 until Dec 5', { from: '2026-12-01', to: '2026-12-05' }],
    ['Dec 2', { from: '2026-12-02', to: '2026-12-02' }],
    ['until 2027-01-10', { from: '2026-11-24', to: '2027-01-10' }],
  ])('reads "%s"', (text, range) => {
    expect(parseAbsence(text, NOW, 'America/New_York')).toEqual({ ok: true, ...range });
  });

  it('uses the rep zone for today', () => {
    // 02:00 UTC on the 25th is still the 24th in New York.
    const late = new Date('2026-11-25T02:00:00Z');
    expect(parseAbsence('until Dec 2', late, 'America/New_York')).toMatchObject({ from: '2026-11-24' });
    expect(parseAbsence('until Dec 2', late, 'Europe/Paris')).toMatchObject({ from: '2026-11-25' });
  });

  it('refuses what it cannot read', () => {
    expect(parseAbsence('until whenever', NOW, 'UTC')).toMatchObject({ ok: false });
  });
});
