import { describe, expect, it } from 'vitest';
import { funnelChartSvg, renderPng } from '../../src/charts/index.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which follows the 8-byte signature and the chunk's length and type. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const ROWS = [
  { stage: 'Prospecting', count: 8800, percent: 100 },
  { stage: 'Engaging', count: 8300, percent: 94.3 },
  { stage: 'Won', count: 4238, percent: 48.2 },
];

describe('renderPng', () => {
  const png = renderPng(funnelChartSvg(ROWS, { title: 'Pipeline funnel' }));

  it('writes a PNG of the chart at its own size, 800 × 300', () => {
    expect(png.subarray(0, 8)).toEqual(SIGNATURE);
    expect(ihdr(png)).toEqual({ width: 800, height: 300 });
  });

  it('draws the text with the bundled fonts: labels change the image', () => {
    const unlabelled = renderPng(
      funnelChartSvg(
        ROWS.map((r) => ({ ...r, stage: '' })),
        { title: 'Pipeline funnel' },
      ),
    );
    expect(ihdr(unlabelled)).toEqual({ width: 800, height: 300 });
    expect(unlabelled.equals(png)).toBe(false);
  });

  it('draws a lone word on an empty canvas, so text never silently disappears', () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"></svg>';
    const word =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="30" font-size="20">Won</text></svg>';
    const bold =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="30" font-size="20" font-weight="bold">Won</text></svg>';
    expect(renderPng(word).equals(renderPng(blank))).toBe(false);
    expect(renderPng(bold).equals(renderPng(word))).toBe(false);
  });

  it('gives the same bytes for the same chart', () => {
    expect(renderPng(funnelChartSvg(ROWS, { title: 'Pipeline funnel' })).equals(png)).toBe(true);
  });

  it('refuses text that is not SVG', () => {
    expect(() => renderPng('<svg')).toThrow();
  });
});
