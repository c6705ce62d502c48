import { describe, expect, it } from 'vitest';
import { closest, FRAMEWORKS, frameworkGuide } from '../../../src/engines/qualification/index.js';

describe('closest', () => {
  it.each([
    ['budgte', ['budget', 'authority'], 'budget'],
    ['CHAMPOIN', ['champion', 'competition'], 'champion'],
    ['need', ['need', 'needs'], 'need'],
    ['colour', ['budget', 'authority'], undefined],
    ['', ['ab', 'abc'], 'ab'],
    ['x', [], undefined],
  ])('finds the closest to "%s" among %j: %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it('respects a tighter limit', () => {
    expect(closest('budgte', ['budget'], 1)).toBeUndefined();
  });
});

describe('frameworkGuide', () => {
  it('lists each framework followed by its criteria and their levels', () => {
    const lines = frameworkGuide();
    expect(lines).toHaveLength(FRAMEWORKS.length + FRAMEWORKS.reduce((n, f) => n + f.criteria.length, 0));
    expect(lines[0]).toBe(
      'bant        BANT 1.0.0 (SMB sales): Qualifies with 3 of 4 criteria confirmed and no red flag',
    );
    expect(lines[1]).toMatch(/^ {2}budget +red_flag, unknown, partial, confirmed$/);
  });

  it('names criteria the way the caller asks', () => {
    expect(frameworkGuide((id) => `--${id.replace(/_/g, '-')}`)).toContainEqual(
      expect.stringMatching(/^ {2}--need-payoff +not_covered \(0\), partly \(1\), fully \(2\)$/),
    );
  });
});
