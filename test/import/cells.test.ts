import { describe, expect, it } from 'vitest';
import {
  normaliseProductName,
  normaliseSector,
  parseAmount,
  parseDate,
  statusFromStageName,
} from '../../src/import/index.js';

describe('parseDate', () => {
  it.each([
    ['2017-03-01', '2017-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2024-02-01 09:41', '2024-02-01T09:41:00'],
    ['2024-01-08 10:15:02', '2024-01-08T10:15:02'],
    ['3/28/2024', '2024-03-28'],
    ['03/08/2024', '2024-03-08'],
    ['3/28/2024 2:05 PM', '2024-03-28T14:05:00'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ['2017-13-45'],
    ['2023-02-29'],
    ['28/03/2024'],
    ['2017/03/01'],
    ['March 1, 2017'],
    ['01-03-2017'],
    ['yesterday'],
    [''],
  ])('refuses %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('gives the same answer the second time (its cache does not change results)', () => {
    expect(parseDate('2017-13-45')).toBeUndefined();
    expect(parseDate('2017-13-45')).toBeUndefined();
    expect(parseDate('2017-12-31')).toBe('2017-12-31');
    expect(parseDate('2017-12-31')).toBe('2017-12-31');
  });
});

describe('parseAmount', () => {
  it.each([
    ['1200', 1200],
    ['1200.50', 1200.5],
    ['$1,200.50', 1200.5],
    ['USD 48,000.00', 48000],
    ['1,234,567', 1234567],
    ['€ 99', 99],
    ['0', 0],
    ['-50', -50],
    ['-$1,200', -1200],
    ['0012.50', 12.5],
    ['7.0', 7],
  ])('reads %s as %d', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it.each([
    ['1.200,50'],
    ['1,20'],
    ['12,34,567'],
    ['ten'],
    ['1200 dollars'],
    ['(500)'],
    [''],
    ['.5'],
    ['12.'],
    ['1.2.3'],
    ['1e5'],
  ])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe('statusFromStageName', () => {
  it.each([
    ['closedwon', 'won'],
    ['Closed Won', 'won'],
    ['Closed - Won', 'won'],
    ['Closed Won (Sales Pipeline)', 'won'],
    ['Won', 'won'],
    ['closedlost', 'lost'],
    ['Closed Lost', 'lost'],
    ['Lost', 'lost'],
    ['Contract Sent', 'open'],
    ['Won back', 'open'],
    ['Negotiation/Review', 'open'],
  ] as const)('reads %s as %s', (stage, status) => {
    expect(statusFromStageName(stage)).toBe(status);
  });
});

describe('Maven name quirks', () => {
  it('matches product names regardless of case and spaces', () => {
    expect(normaliseProductName('GTXPro')).toBe(normaliseProductName('GTX Pro'));
    expect(normaliseProductName('gtx  plus pro')).toBe(normaliseProductName('GTX Plus Pro'));
    expect(normaliseProductName('GTX Plus Pro')).not.toBe(normaliseProductName('GTX Pro'));
  });

  it('spells the sector "technolgy" as "technology" and leaves the others alone', () => {
    expect(normaliseSector('technolgy')).toBe('technology');
    expect(normaliseSector(' Medical ')).toBe('medical');
  });
});
