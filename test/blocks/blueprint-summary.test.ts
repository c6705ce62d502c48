import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlueprintSummary } from '../../src/blocks/blueprint-summary.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { anyDesign } from '../engines/blueprint/arbitraries.js';
import { assumedDesign, NOW, saasDesign } from '../engines/blueprint/fixture.js';

const header = (blocks: KnownBlock[]) => (blocks[0] as HeaderBlock).text.text;
const fields = (blocks: KnownBlock[]) => ((blocks[1] as SectionBlock).fields ?? []).map((f) => f.text);
const allText = (blocks: KnownBlock[]) => JSON.stringify(blocks);
const contexts = (blocks: KnownBlock[]) =>
  blocks
    .filter((b): b is ContextBlock => b.type === 'context')
    .flatMap((b) => b.elements.map((e) => ('text' in e ? e.text : '')));

describe('renderBlueprintSummary', () => {
  it('heads the summary with the business name', () => {
    expect(header(renderBlueprintSummary(saasDesign(), { now: NOW }))).toBe(
      'Sales operations blueprint · Northwind Analytics',
    );
  });

  it('cuts a long business name so the header stays within 150 characters', () => {
    const design = saasDesign();
    design.business = '漢'.repeat(80) + '👍🏽'.repeat(100);
    const text = header(renderBlueprintSummary(design, { now: NOW }));
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
  });

  it('gives the overview: model, framework and why, cycle, conversion and Pipeline Health with a bar', () => {
    expect(fields(renderBlueprintSummary(saasDesign(), { now: NOW }))).toEqual([
      '*Model*\nHybrid (inside and field)',
      '*Framework*\nBANT: Mid-market deals with a short cycle: budget and authority decide most of them.',
      '*Cycle*\n54 days',
      '*Conversion (lead to customer)*\n11% now → 15% target',
      '*Pipeline Health*\n████████░░ 8.0/10',
    ]);
  });

  it('says when the current conversion is not tracked, and shows the weighted pipeline only when known', () => {
    const design = saasDesign();
    delete design.overview.currentCvr;
    const blocks = renderBlueprintSummary(design, { now: NOW, weightedPipeline: 1_240_000 });
    expect(fields(blocks)).toContain('*Conversion (lead to customer)*\nnot tracked yet → 15% target');
    expect(fields(blocks)).toContain('*Weighted pipeline*\n$1.2M');
    expect(allText(renderBlueprintSummary(design, { now: NOW }))).not.toContain('Weighted pipeline');
  });

  it('lists the three recommendations with the largest impact, largest first', () => {
    const design = saasDesign();
    design.recommendations = [
      { title: 'Small', detail: 'd', impact: 1 },
      { title: 'Largest', detail: 'd', impact: 90 },
      { title: 'Middle', detail: 'd', impact: 50 },
      { title: 'Second', detail: 'd', impact: 70 },
    ];
    const text = allText(renderBlueprintSummary(design, { now: NOW }));
    expect(text).toContain('1. *Largest*: d\\n2. *Second*: d\\n3. *Middle*: d');
    expect(text).not.toContain('Small');
  });

  it('counts the assumed values, and says nothing about assumptions when there are none', () => {
    expect(contexts(renderBlueprintSummary(assumedDesign(), { now: NOW }))).toContain(
      ':warning: 5 values were assumed — see ASSUMPTIONS in the file',
    );
    const one = saasDesign();
    one.assumptions = [{ path: 'timezone', value: 'UTC', reason: 'no time zone given' }];
    expect(contexts(renderBlueprintSummary(one, { now: NOW }))).toContain(
      ':warning: 1 value was assumed — see ASSUMPTIONS in the file',
    );
    expect(allText(renderBlueprintSummary(saasDesign(), { now: NOW }))).not.toContain('assumed');
  });

  it('ends with the time, shown in each reader’s time zone with a UTC fallback', () => {
    const last = contexts(renderBlueprintSummary(saasDesign(), { now: NOW })).at(-1);
    expect(last).toContain('<!date^1795510800^{date_short_pretty} at {time}|2026-11-24 09:00 UTC>');
  });

  it('escapes mrkdwn control characters in values people typed', () => {
    const design = saasDesign();
    design.qualification.reason = 'Deals <$5k & fast';
    expect(fields(renderBlueprintSummary(design, { now: NOW }))[1]).toBe(
      '*Framework*\nBANT: Deals &lt;$5k &amp; fast',
    );
  });

  it('stays within Slack’s message limits whatever the design holds', () => {
    const longText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 5000 }),
      fc.constant('<&>'.repeat(2000)),
    );
    fc.assert(
      fc.property(anyDesign, longText, longText, (design, reason, title) => {
        design.qualification.reason = reason;
        design.recommendations = [1, 2, 3, 4].map((impact) => ({ title, detail: reason, impact }));
        const blocks = renderBlueprintSummary(design, { now: NOW, weightedPipeline: 1e12 });
        expect(checkMessage({ text: 'summary', blocks })).toEqual({ ok: true });
      }),
      { numRuns: 100 },
    );
  });
});
