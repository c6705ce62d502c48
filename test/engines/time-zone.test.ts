import { describe, expect, it } from 'vitest';
import { isTimeZone, zoneFormat } from '../../src/engines/time-zone.js';

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['Europe/Berlin; DROP', false],
  ])('%j → %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
    expect(isTimeZone(zone)).toBe(expected);
  });

  it('builds the formatter of a zone once and reuses it', () => {
    expect(zoneFormat('Asia/Tokyo')).toBe(zoneFormat('Asia/Tokyo'));
    expect(zoneFormat('Asia/Tokyo')?.resolvedOptions().timeZone).toBe('Asia/Tokyo');
  });
});
