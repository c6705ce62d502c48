import { describe, expect, it } from 'vitest';
import {
  isE164,
  isEmail,
  isWebAddress,
  normaliseCompanyName,
  normaliseDomain,
  normaliseEmail,
} from '../../../src/engines/crm/index.js';

describe('normaliseCompanyName', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Corp', 'acme'],
    ['Acme Holdings Ltd', 'acme holdings'],
    ['Acme Co. LLC', 'acme'],
    ['Société Générale S.A.', 'societe generale s a'],
    ['Johnson & Johnson', 'johnson and johnson'],
    ['Inc', 'inc'],
    ['Acme Company', 'acme'],
  ])('reads %j as %j', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['WWW.ACME.COM.', 'acme.com'],
    ['shop.acme.co.uk/', 'shop.acme.co.uk'],
  ])('reads %j as %j', (value, expected) => {
    expect(normaliseDomain(value)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it('ignores case and surrounding spaces', () => {
    expect(normaliseEmail('  Ana@Acme.COM ')).toBe('ana@acme.com');
  });
});

describe('format checks', () => {
  it.each([
    ['ana@acme.com', true],
    ['ana.b+crm@mail.acme.co.uk', true],
    ['ana@acme', false],
    ['ana acme.com', false],
    ['ana@@acme.com', false],
    ['@acme.com', false],
  ])('isEmail(%j) is %s', (value, expected) => {
    expect(isEmail(value)).toBe(expected);
  });

  it.each([
    ['+14155550100', true],
    ['+442071838750', true],
    ['+1', false],
    ['14155550100', false],
    ['+1 415 555 0100', false],
    ['+04155550100', false],
    ['+1234567890123456', false],
  ])('isE164(%j) is %s', (value, expected) => {
    expect(isE164(value)).toBe(expected);
  });

  it.each([
    ['https://acme.com', true],
    ['acme.com', true],
    ['https://www.linkedin.com/in/ana', true],
    ['ftp://acme.com', false],
    ['acme', false],
    ['http://', false],
    ['acme .com', false],
  ])('isWebAddress(%j) is %s', (value, expected) => {
    expect(isWebAddress(value)).toBe(expected);
  });
});
