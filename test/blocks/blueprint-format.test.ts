import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeMrkdwn,
  formatMoneyShortFromMillion,
  formatPercent,
  mrkdwn,
  splitGraphemes,
  textBar,
  truncate,
  unescapeMrkdwn,
} from '../../src/blocks/format.js';

describe('block formatting helpers', () => {
  it('escapes the three mrkdwn control characters and nothing else', () => {
    expect(escapeMrkdwn('Q&A <b> *bold* _it_ > 5')).toBe('Q&amp;A &lt;b&gt; *bold* _it_ &gt; 5');
  });

  it('undoes its own escaping for any text, including text that already looks escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(unescapeMrkdwn(escapeMrkdwn(text))).toBe(text);
      }),
    );
    expect(unescapeMrkdwn(escapeMrkdwn('&amp; &lt;'))).toBe('&amp; &lt;');
  });

  it('truncates between graphemes, within the limit, with an ellipsis', () => {
    const family = '👨‍👩‍👧‍👦';
    const cut = truncate(family.repeat(20), 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…')).toBe(true);
    expect(splitGraphemes(cut.slice(0, -1)).every((g) => g === family)).toBe(true);
    expect(truncate('short', 30)).toBe('short');
  });

  it('escapes before truncating without cutting an entity in half', () => {
    const text = mrkdwn('<&>'.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text).toMatch(/^(&lt;&amp;&gt;)+(&lt;|&lt;&amp;)?…$/);
  });

  it('draws bars from the numbers, clamped to the range', () => {
    expect(textBar(8, 10)).toBe('████████░░');
    expect(textBar(0, 10)).toBe('░░░░░░░░░░');
    expect(textBar(15, 10)).toBe('██████████');
    expect(textBar(-3, 10, 4)).toBe('░░░░');
    expect(textBar(Number.NaN, 10, 4)).toBe('░░░░');
  });

  it('formats money and percentages for people', () => {
    expect(formatMoneyShortFromMillion(42_000)).toBe('$42,000');
    expect(formatMoneyShortFromMillion(1_800_000)).toBe('$1.8M');
    expect(formatMoneyShortFromMillion(-1_500)).toBe('-$1,500');
    expect(formatPercent(11)).toBe('11%');
    expect(formatPercent(12.345)).toBe('12.3%');
  });
});
