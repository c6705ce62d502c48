import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '../../../src/views/intake/index.js';
import {
  buildLeadSourcesStep,
  formatLeadSourceLines,
  parseLeadSourceLines,
  parseLeadSourcesStep,
} from '../../../src/views/intake/lead-sources-step.js';
import { acmeDraft, ctx } from './drafts.js';
import { initialOf, stateOf } from './state.js';

function errorOf(text: string): string {
  const result = parseLeadSourcesStep(stateOf({ leadSources: text }));
  if (result.ok) throw new Error('expected an error');
  expect(Object.keys(result.errors)).toEqual([BLOCK_IDS.leadSources]);
  return result.errors[BLOCK_IDS.leadSources] ?? '';
}

describe('lead sources step', () => {
  it('pre-fills one "name | volume | quality | cac" line per source', () => {
    const view = buildLeadSourcesStep(acmeDraft(), ctx(3));
    expect(initialOf(view, 'leadSources')?.split('\n')).toEqual([
      'Inbound demo requests | 140 | high | 180',
      'Outbound SDR | 260 | medium | 420',
      'Partner referrals | 35 | high | 90',
      'Webinars | 90 | low | 150',
    ]);
    expect(view.title.text).toBe('Sales design · 3/5');
  });

  it('parses lines separated by pipes or tabs, with money shorthands and "med"', () => {
    const result = parseLeadSourcesStep(
      stateOf({ leadSources: 'Webinars | 90 | low | $150\n\nOutbound\t1.2k/mo\tMed\t1,200\n' }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        leadSources: [
          { name: 'Webinars', volumePerMonth: 90, quality: 'low', cac: 150 },
          { name: 'Outbound', volumePerMonth: 1200, quality: 'medium', cac: 1200 },
        ],
      },
    });
  });

  it('names the line and the missing part when a field is missing', () => {
    expect(errorOf('Webinars | 90 | low | 150\nReferrals | 25 | high')).toMatch(
      /^Line 2 \("Referrals"\) is missing the CAC; write name \| volume per month \| quality \| CAC/,
    );
  });

  it('names the line of a negative volume, an unknown quality and a bad CAC', () => {
    expect(errorOf('Webinars | -5 | low | 150')).toMatch(
      /^Line 1 \("Webinars"\) needs the volume per month as a whole number of 0 or more/,
    );
    expect(errorOf('Webinars | 5 | great | 150')).toMatch(
      /needs the quality as high, medium or low \(got "great"\)/,
    );
    expect(errorOf('Webinars | 5 | low | cheap')).toMatch(/needs the CAC as an amount/);
    expect(errorOf('Webinars | 5 | low | 150 | extra')).toMatch(/has 5 parts/);
  });

  it('counts lines as the person sees them, blank ones included, and lists at most three problems', () => {
    const message = errorOf('\nA | x | low | 1\nB | 1 | x | 1\nC | 1 | low | x\nD\n');
    expect(message).toMatch(/^Line 2 \("A"\)/);
    expect(message).toContain('Line 3 ("B")');
    expect(message).toContain('Line 4 ("C")');
    expect(message).not.toContain('Line 5');
    expect(message).toMatch(/And 1 more\.$/);
  });

  it('refuses more than six sources', () => {
    const lines = Array.from({ length: 7 }, (_, i) => `Source ${i} | 1 | low | 1`).join('\n');
    expect(errorOf(lines)).toMatch(/at most 6 lead sources \(there are 7\)/);
  });

  it('clears the lead sources when the input is left empty', () => {
    const result = parseLeadSourcesStep(stateOf({}));
    expect(result).toStrictEqual({ ok: true, data: { leadSources: undefined } });
  });

  it('writes back what it parses, even for a name with a pipe in it', () => {
    const sources = [{ name: 'Events | fairs', volumePerMonth: 12, quality: 'high' as const, cac: 1500.5 }];
    const again = parseLeadSourceLines(formatLeadSourceLines(sources) ?? '');
    expect(again).toEqual({ value: [{ ...sources[0], name: 'Events / fairs' }] });
  });
});
