import { describe, expect, it } from 'vitest';
import { assignVariant, fnv1a32 } from '../../../src/engines/optimizer/index.js';

describe('fnv1a32', () => {
  it.each([
    // Reference vectors of the FNV-1a 32-bit test suite (isthe.com/chongo/tech/comp/fnv).
    { text: '', hash: 0x811c9dc5 },
    { text: 'a', hash: 0xe40c292c },
    { text: 'foobar', hash: 0xbf9cf968 },
  ])('hashes "$text" to the published value', ({ text, hash }) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('assignVariant', () => {
  it.each([
    // Pinned: changing any of these would move live leads between variants in the middle of a test.
    { lead: 'lead-1', step: 'default#1', variant: 'b' },
    { lead: 'lead-2', step: 'default#1', variant: 'a' },
    { lead: 'lead-3', step: 'default#1', variant: 'b' },
    { lead: 'lead-1', step: 'default#2', variant: 'b' },
    { lead: 'U123', step: 'default#1', variant: 'a' },
    { lead: 'Zoë', step: 'default#1', variant: 'a' },
  ])('gives $lead variant $variant at $step', ({ lead, step, variant }) => {
    expect(assignVariant(lead, step)).toBe(variant);
  });

  it.each(['default#1', 'default#2', 'outbound#3'])(
    'splits 10,000 sequential leads about evenly at %s',
    (step) => {
      const bs = Array.from({ length: 10_000 }, (_, i) => assignVariant(`lead-${i}`, step)).filter(
        (v) => v === 'b',
      );
      expect(bs.length).toBeGreaterThan(4850);
      expect(bs.length).toBeLessThan(5150);
    },
  );

  it('assigns independently at different steps', () => {
    const leads = Array.from({ length: 2000 }, (_, i) => `lead-${i}`);
    const same = leads.filter(
      (lead) => assignVariant(lead, 'default#1') === assignVariant(lead, 'default#2'),
    );
    expect(same.length).toBeGreaterThan(900);
    expect(same.length).toBeLessThan(1100);
  });
});
