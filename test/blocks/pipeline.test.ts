import { readFileSync } from 'node:fs';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkMessage } from '../../src/blocks/limits.js';
import { type PipelineView, pipelineMessage, renderPipeline } from '../../src/blocks/pipeline.js';
import { pipelineReport, stagesFor } from '../../src/commands/pipeline/command.js';
import { buildDesign } from '../../src/engines/build-design.js';
import type { Deal } from '../../src/engines/deal.js';
import { resolveIntake } from '../../src/engines/intake.js';
import { deal } from '../engines/pipeline/fixtures.js';

const NOW = '2026-11-24T09:00:00.000Z';

function acme(overrides: Record<string, unknown> = {}) {
  const intake = resolveIntake({ ...parse(readFileSync('examples/acme.yml', 'utf8')), ...overrides });
  const design = buildDesign(intake);
  return { intake, design, stages: stagesFor(intake), now: NOW };
}

const text = (blocks: KnownBlock[]) => JSON.stringify(blocks);

/** Ten deals over the seed stages: four won, three lost at Proposal, three open. */
function deals(): Deal[] {
  const path = (to: string[]) => to.map((s, i): [string, string] => [s, `2026-0${i + 1}-01`]);
  const early = ['Lead', 'Qualified', 'Discovery'];
  return [
    ...[1, 2, 3, 4].map((i) =>
      deal(`w${i}`, 'Closed Won', 'won', {
        amount: 40000,
        history: path([...early, 'Proposal', 'Negotiation', 'Closed Won']),
        closedAt: '2026-06-01',
        createdAt: '2026-01-01',
      }),
    ),
    ...[1, 2, 3].map((i) =>
      deal(`l${i}`, 'Closed Lost', 'lost', {
        amount: 30000,
        history: path([...early, 'Proposal', 'Closed Lost']),
      }),
    ),
    ...[1, 2, 3].map((i) => deal(`o${i}`, 'Discovery', 'open', { amount: 50000, history: path(early) })),
  ];
}

describe('pipeline view from the intake', () => {
  const view = pipelineReport(acme());

  it('lists every stage with its exit criterion, probability and buyer phase, in order', () => {
    const blocks = renderPipeline(view);
    const stages = text(blocks);
    // Probabilities from the acme funnel, as the blueprint shows them: 11% won ÷ 100% at Lead, ÷ 27% at Proposal.
    expect(stages).toContain('*1. Lead* · configured 11% · Awareness');
    expect(stages).toContain('*4. Proposal* · configured 41% · Decision\\n      Exit: Quote sent');
    expect(stages.indexOf('Negotiation')).toBeLessThan(stages.indexOf('Closed Won'));
  });

  it('draws the funnel bars from the numbers', () => {
    const funnel = text(renderPipeline(view));
    expect(funnel).toContain(`Lead             ${'█'.repeat(20)} 100%`);
    expect(funnel).toContain(`Closed Won       ${'█'.repeat(2)}${'░'.repeat(18)} 11%`);
  });

  it('explains the health score part by part and lists the rates below target', () => {
    const shown = text(renderPipeline(view));
    expect(shown).toContain('Conversion vs target (42%): 4.4/10, 11% against a target of 15%');
    expect(shown).toContain('SQL to Opp: 48% now against a target of 55% ↓ from 51%');
    expect(shown).toContain('appear here once your deals are imported');
    expect(view.basis).toEqual({ kind: 'intake' });
  });

  it('says when the funnel was assumed and the score rests on few figures', () => {
    const minimal = pipelineReport(acme({ funnel: undefined, conversion: undefined, metrics: undefined }));
    const shown = text(renderPipeline(minimal));
    expect(shown).toContain('the funnel is an even step-down assumed');
    expect(shown).toContain('Scored from few figures');
    expect(shown).toContain('Add your current MQL to SQL, SQL to opportunity and close rates');
  });

  it('shows no trend arrow for a rate without a previous value', () => {
    const noPrevious = pipelineReport(
      acme({
        metrics: {
          closeRate: { current: 21, target: 25 },
          sqlToOpp: { current: 40, target: 55, previous: 38 },
        },
      }),
    );
    const shown = text(renderPipeline(noPrevious));
    expect(shown).toContain('Close Rate: 21% now against a target of 25%\\n');
    expect(shown).toContain('SQL to Opp: 40% now against a target of 55% ↑ from 38%');
  });
});

describe('pipeline view from deals', () => {
  const view = pipelineReport({ ...acme(), deals: deals() });

  it('shows observed probabilities beside the designed ones and the snapshot funnel', () => {
    expect(view.basis).toMatchObject({ kind: 'deals', deals: 10 });
    const proposal = view.stages.find((s) => s.name === 'Proposal');
    // Configured from the acme funnel (11% won ÷ 27% at Proposal); observed 4 won of 7 closed.
    expect(proposal).toMatchObject({ probability: 41, observed: expect.closeTo(57.1, 1), sample: 7 });
    expect(view.funnel[0]).toEqual({ stage: 'Lead', reached: 10, percent: 100 });
    expect(proposal?.calibrated).toBeGreaterThan(41);
    expect(proposal?.calibrated).toBeLessThan(57.1);
    expect(text(renderPipeline(view))).toMatch(
      /Proposal\* · configured 41% · observed 57\.1% over 7 closed deals, calibrated (4\d|5[0-6])\.\d%/,
    );
  });

  it('adds the weighted pipeline and the bottlenecks with their fixes', () => {
    expect(view.weighted).toMatchObject({ open: 150000, openDeals: 3 });
    const shown = text(renderPipeline(view));
    expect(shown).toContain('*Weighted pipeline*');
    expect(shown).toContain('*Bottlenecks*');
    expect(view.bottlenecks.some((b) => b.stage === 'Proposal')).toBe(true);
    expect(shown).toContain('Fix: ');
  });
});

describe('pipeline view limits', () => {
  it('stays within Block Kit limits for long names, many stages and odd characters', () => {
    const long = 'Stage & <Co> '.repeat(20);
    const base = pipelineReport(acme());
    const view: PipelineView = {
      ...base,
      business: `Smith & <Sons> ${'x'.repeat(300)}`,
      stages: Array.from({ length: 40 }, (_, i) => ({
        name: `${long}${i}`,
        exitCriteria: 'Exit & criterion '.repeat(40),
        probability: i,
        journey: 'decision' as const,
      })),
      funnel: Array.from({ length: 40 }, (_, i) => ({ stage: `${long}${i}`, percent: 100 - i })),
      recommendations: Array.from({ length: 3 }, () => ({
        title: 'T'.repeat(400),
        detail: 'D & '.repeat(300),
      })),
    };
    const message = pipelineMessage(view);
    expect(checkMessage(message)).toEqual({ ok: true });
    expect(text(message.blocks)).toContain('more_');
    expect(message.text).toContain('Smith &amp; &lt;Sons&gt;');
    expect(text(message.blocks)).toContain('*1. Stage &amp; &lt;Co&gt;');
    expect(text(message.blocks)).not.toContain('<Co>');
  });
});
