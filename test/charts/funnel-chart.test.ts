import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, chartHeight, funnelChartSvg } from '../../src/charts/index.js';
import { anyText } from '../engines/blueprint/arbitraries.js';
import { xmlProblems } from './xml.js';

const MAVEN = [
  { stage: 'Prospecting', count: 8800, percent: 100 },
  { stage: 'Engaging', count: 8300, percent: 94.3 },
  { stage: 'Won', count: 4238, percent: 48.2 },
];

const barWidths = (svg: string): number[] =>
  [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="40" rx="6" fill="rgb/g)].map((m) =>
    Number(m[1]),
  );

describe('funnelChartSvg', () => {
  it('is 800 wide and 96 + 60 per stage + 24 high', () => {
    const svg = funnelChartSvg(MAVEN, { title: 'Pipeline funnel' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="300" /);
    expect(chartHeight(3)).toBe(300);
    expect(CHART_WIDTH).toBe(800);
  });

  it('draws each bar as wide as its share of the first stage, never thinner than 6 pixels', () => {
    const svg = funnelChartSvg(
      [
        { stage: 'A', count: 100, percent: 100 },
        { stage: 'B', count: 50, percent: 50 },
        { stage: 'C', count: 0, percent: 0 },
      ],
      { title: 't' },
    );
    expect(barWidths(svg)).toEqual([390, 195, 6]);
  });

  it('clamps shares outside 0–100 instead of drawing out of frame', () => {
    const svg = funnelChartSvg(
      [
        { stage: 'A', count: 1, percent: 150 },
        { stage: 'B', count: 1, percent: Number.NaN },
        { stage: 'C', count: 1, percent: -20 },
      ],
      { title: 't' },
    );
    expect(barWidths(svg)).toEqual([390, 6, 6]);
  });

  it('labels counts, shares of the total and conversion from the stage before', () => {
    const svg = funnelChartSvg(MAVEN, { title: 'Pipeline funnel', subtitle: '8,800 deals' });
    for (const text of [
      '8,800',
      '8,300',
      '4,238',
      '94.3% of total',
      '48.2% of total',
      '51.1% of previous stage',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg.match(/of previous stage/g)).toHaveLength(2); // the first stage has none
  });

  it('escapes <, & and > in stage names and titles and stays well-formed', () => {
    const svg = funnelChartSvg([{ stage: 'R&D <Pilot> "x"', count: 3, percent: 100 }], {
      title: 'Q&A <b>',
      subtitle: "Tom's & Jerry's",
    });
    expect(svg).toContain('R&amp;D &lt;Pilot&gt; &quot;x&quot;');
    expect(svg).toContain('Q&amp;A &lt;b&gt;');
    expect(svg).not.toContain('<Pilot>');
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('removes control characters and shortens long stage names with an ellipsis', () => {
    const svg = funnelChartSvg([{ stage: `Bad\u0000\u001b[31m${'x'.repeat(80)}`, count: 1, percent: 100 }], {
      title: 't',
    });
    expect([...svg].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
    expect(svg).toContain(`>Bad${'x'.repeat(17)}…</text>`);
    const wide = funnelChartSvg([{ stage: '漢字'.repeat(20), count: 1, percent: 100 }], { title: 't' });
    expect(wide).toContain(`>${'漢字'.repeat(5)}…</text>`); // 20 columns and the ellipsis
  });

  it('says there are no deals yet for an empty funnel', () => {
    const svg = funnelChartSvg([], { title: 'Pipeline funnel' });
    expect(svg).toContain('>No deals yet</text>');
    expect(svg).toContain('height="180"');
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('stays well-formed whatever the stage names and titles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stage: anyText, count: fc.nat(), percent: fc.double({ noNaN: false }) }), {
          maxLength: 12,
        }),
        anyText,
        anyText,
        (rows, title, subtitle) => {
          const svg = funnelChartSvg(rows, { title, subtitle });
          expect(xmlProblems(svg)).toEqual([]);
          expect(svg).toContain(`height="${chartHeight(rows.length)}"`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('xmlProblems, the checker the tests above rely on', () => {
  it.each([
    ['<svg><text>a & b</text></svg>', 'bare &'],
    ['<svg><text>a < b</text></svg>', 'malformed tag'],
    ['<svg><text>a</svg>', 'closes'],
    ['<svg><text x="1">a</text>', 'unclosed'],
  ])('finds the problem in %s', (xml, problem) => {
    expect(xmlProblems(xml).join(' ')).toContain(problem);
  });
});
