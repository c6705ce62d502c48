import { describe, expect, it } from 'vitest';
import { parseItems, parseRangeText, parseThreadReply } from '../../../src/engines/icp/input.js';
import { itemId, mergeList } from '../../../src/engines/icp/sections.js';

describe('ICP input', () => {
  it.each([
    ['one per line, bullets and repeats dropped', '- SaaS\n• Fintech\n\nsaas', ['SaaS', 'Fintech']],
    ['spaces collapsed', '  B2B   SaaS  ', ['B2B SaaS']],
  ])('reads a list: %s', (_, text, items) => {
    expect(parseItems(text, 'Industries')).toEqual({ ok: true, value: items });
  });

  it.each([
    [
      Array.from({ length: 21 }, (_, i) => `i${i}`).join('\n'),
      'takes at most 20 items and this has 21; remove 1',
    ],
    ['y'.repeat(90), 'is 90 characters; keep each item to 80 or fewer'],
  ])('refuses a list with a reason', (text, problem) => {
    const parsed = parseItems(text, 'Industries');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });

  it.each([
    ['companySize', '50-500', { min: 50, max: 500 }],
    ['companySize', '1,000 to 5,000', { min: 1000, max: 5000 }],
    ['annualRevenue', '$5m–$100m', { min: 5e6, max: 1e8 }],
  ] as const)('reads the range %s %s', (id, text, range) => {
    expect(parseRangeText(id, text)).toEqual({ ok: true, value: range });
  });

  it.each([
    ['companySize', '500-50', 'minimum (500) is above the maximum (50)'],
    ['companySize', '10.5-50', 'is not a whole number of employees'],
    ['annualRevenue', 'big', 'as a range such as 5m-100m'],
  ] as const)('refuses the range %s %s', (id, text, problem) => {
    const parsed = parseRangeText(id, text);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });

  it('reads a thread reply that names a section by title or alias, and ignores other talk', () => {
    expect(parseThreadReply('Pain points: slow quotes, manual CRM')).toEqual({
      ok: true,
      value: { section: 'painPoints', add: ['slow quotes', 'manual CRM'] },
    });
    expect(parseThreadReply('size: 50 to 200')).toEqual({
      ok: true,
      value: { section: 'companySize', range: { min: 50, max: 200 } },
    });
    expect(parseThreadReply('I think: we should wait')).toBeUndefined();
    expect(parseThreadReply('Industries:')).toMatchObject({ ok: false });
  });

  it('merges by union: adds only what is new, removes only what was removed', () => {
    const remove = new Set([itemId('B')]);
    expect(mergeList(['A', 'B', 'C'], { add: ['a', 'D'], remove }, itemId)).toEqual(['A', 'C', 'D']);
  });
});
