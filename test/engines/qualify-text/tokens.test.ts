import { describe, expect, it } from 'vitest';
import { tokenizeQualifyText } from '../../../src/engines/qualify-text/index.js';
import { InputError } from '../../../src/errors.js';

describe('tokenizeQualifyText', () => {
  it.each([
    ['Acme', { company: 'Acme', pairs: [] }],
    ['', { pairs: [] }],
    ['Acme Co budget=50k', { company: 'Acme Co', pairs: [{ key: 'budget', value: '50k' }] }],
    [
      '"Acme Co" budget=50k timeline="next quarter"',
      {
        company: 'Acme Co',
        pairs: [
          { key: 'budget', value: '50k' },
          { key: 'timeline', value: 'next quarter' },
        ],
      },
    ],
    [
      '\u201cAcme = Co\u201d contact=\u201cAna Ruiz\u201d',
      { company: 'Acme = Co', pairs: [{ key: 'contact', value: 'Ana Ruiz' }] },
    ],
    ['Acme Budget=50k', { company: 'Acme', pairs: [{ key: 'budget', value: '50k' }] }],
    ['budget=50k', { pairs: [{ key: 'budget', value: '50k' }] }],
    [
      'Acme domain=<http://acme.com|acme.com> contact=<mailto:ana@acme.com|ana@acme.com>',
      {
        company: 'Acme',
        pairs: [
          { key: 'domain', value: 'acme.com' },
          { key: 'contact', value: 'ana@acme.com' },
        ],
      },
    ],
    ['Smith &amp; Sons need=high', { company: 'Smith & Sons', pairs: [{ key: 'need', value: 'high' }] }],
    ['Acme timeline="next quarter', { company: 'Acme', pairs: [{ key: 'timeline', value: 'next quarter' }] }],
  ])('splits %j', (text, expected) => {
    expect(tokenizeQualifyText(text)).toEqual(expected);
  });

  it('says how to quote a value with spaces when words follow a pair', () => {
    expect(() => tokenizeQualifyText('Acme timeline=next quarter')).toThrow(
      'timeline: "quarter" follows timeline=next; put a value with spaces in quotes, e.g. timeline="next quarter"',
    );
    expect(() => tokenizeQualifyText('Acme timeline=next quarter')).toThrow(InputError);
  });
});
