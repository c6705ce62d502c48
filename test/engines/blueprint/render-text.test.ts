import { describe, expect, it } from 'vitest';
import { displayWidth, renderBlueprint } from '../../../src/engines/blueprint/index.js';
import type { Design } from '../../../src/engines/design.js';
import { assumedDesign, NOW, saasDesign } from './fixture.js';
import { boxesOf, cellsOf, misshapenLines, sectionOf } from './helpers.js';

const render = (design: Design = saasDesign(), width?: number): string =>
  renderBlueprint(design, width === undefined ? { now: NOW } : { now: NOW, width });

describe('renderBlueprint', () => {
  it('prints the header block of the seed', () => {
    expect(render().split('\n').slice(0, 7)).toEqual([
      'SALES OPERATIONS BLUEPRINT',
      '═'.repeat(39),
      'Business: Northwind Analytics',
      'Model: Hybrid',
      'Time: 2026-11-24 09:00 UTC',
      '═'.repeat(39),
      '',
    ]);
  });

  it('shows the time in UTC whatever offset `now` carries', () => {
    expect(renderBlueprint(saasDesign(), { now: '2026-11-24T10:30:00+01:00' })).toContain(
      'Time: 2026-11-24 09:30 UTC',
    );
  });

  it('refuses a `now` that is not a timestamp', () => {
    expect(() => renderBlueprint(saasDesign(), { now: 'yesterday' })).toThrow(/ISO timestamp/);
  });

  it('lays out the sections in the seed order, each title followed by its rule', () => {
    const lines = render().split('\n');
    const titles = lines.filter((_, i) => /^─+$/.test(lines[i + 1] ?? ''));
    expect(titles).toEqual([
      'SALES OPS OVERVIEW',
      'IDEAL CUSTOMER PROFILE',
      'LEAD SOURCES',
      'QUALIFICATION CRITERIA (BANT)',
      'SALES STAGES',
      'PIPELINE FUNNEL',
      'CRM FIELDS',
      'FOLLOW-UP AUTOMATION',
      'METRICS DASHBOARD',
    ]);
    expect(lines.filter((l) => /^─+$/.test(l)).every((l) => l.length === 36)).toBe(true);
    expect(render().endsWith('\n\nSales Ops Status: ● On track\n')).toBe(true);
  });

  it('renders the overview box exactly as the seed draws it', () => {
    expect(boxesOf(render())[0]).toEqual([
      '┌─────────────────────────────────────┐',
      '│       SALES OPERATIONS              │',
      '│                                     │',
      '│  Model: Hybrid                      │',
      '│  Cycle Length: 54 days              │',
      '│                                     │',
      '│  Current CVR: 11%                   │',
      '│  Target CVR: 15%                    │',
      '│                                     │',
      '│  Pipeline Health: ████████░░ 8.0/10 │',
      '│  Status: ● On track                 │',
      '└─────────────────────────────────────┘',
    ]);
  });

  it('says the current conversion is not given when it is unknown', () => {
    const design = saasDesign();
    delete design.overview.currentCvr;
    expect(render(design)).toContain('│  Current CVR: — (not given)         │');
  });

  it.each([30, 39, 52, 80])('gives every line of every box the same width at width %i', (width) => {
    const boxes = boxesOf(render(saasDesign(), width));
    expect(boxes).toHaveLength(5);
    for (const box of boxes) expect(misshapenLines(box, width)).toEqual([]);
  });

  it('keeps boxes at the minimum width when asked for a narrower one', () => {
    expect(boxesOf(render(saasDesign(), 10)).flat().map(displayWidth)).toSatisfy((widths: number[]) =>
      widths.every((w) => w === 30),
    );
  });

  it('wraps a long industry list with the continuation aligned after the label', () => {
    const icp = boxesOf(render())[1] ?? [];
    expect(icp.slice(1, 3)).toEqual([
      '│  Industry: B2B SaaS, Fintech,       │',
      '│            Logistics                │',
    ]);
  });

  it('draws each funnel bar from its percentage, labels aligned and percentages right-aligned', () => {
    const funnel = (boxesOf(render())[3] ?? []).slice(1, -1);
    expect(funnel).toEqual([
      '│  Lead:        ████████████ 100%     │',
      '│  Qualified:   ███████░░░░░  58%     │',
      '│  Discovery:   █████░░░░░░░  41%     │',
      '│  Proposal:    ███░░░░░░░░░  27%     │',
      '│  Negotiation: ██░░░░░░░░░░  18%     │',
      '│  Closed Won:  █░░░░░░░░░░░  11%     │',
    ]);
  });

  it('shows an empty bar for 0% and a full one for 100%', () => {
    const design = saasDesign();
    design.funnel = [
      { stage: 'Lead', percent: 100 },
      { stage: 'Closed Won', percent: 0 },
    ];
    const lines = (boxesOf(render(design))[3] ?? []).slice(1, -1);
    expect(lines.map((l) => l.replace(/[^█░]/g, ''))).toEqual(['█'.repeat(12), '░'.repeat(12)]);
  });

  it('lists the qualification criteria and the minimum score, then the extra conditions', () => {
    const design = saasDesign();
    design.qualification.frameworkName = 'MEDDIC';
    design.qualification.minimum = { score: 12, max: 18 };
    design.qualification.conditions = ['Economic buyer and Champion at 2 or more'];
    const text = render(design);
    expect(text).toContain('QUALIFICATION CRITERIA (MEDDIC)\n');
    const box = boxesOf(text)[2] ?? [];
    expect(box).toContain('│  Budget: $25,000 a year set aside   │');
    expect(box.slice(-4, -1)).toEqual([
      '│  Minimum Score: 12/18 to qualify    │',
      '│  • Economic buyer and Champion at 2 │',
      '│    or more                          │',
    ]);
  });

  it('tabulates stages with their exit criteria and probabilities', () => {
    expect(sectionOf(render(), 'SALES STAGES').slice(2, 5)).toEqual([
      '| Stage | Exit Criteria | Probability |',
      '|-------|---------------|-------------|',
      '| Lead | Contact made | 10% |',
    ]);
  });

  it('adds an Observed column when a stage has an observed probability', () => {
    const design = saasDesign();
    design.stages = design.stages.map((s, i) => (i === 1 ? { ...s, observedProbability: 31 } : s));
    const rows = sectionOf(render(design), 'SALES STAGES').slice(2);
    expect(rows[0]).toBe('| Stage | Exit Criteria | Probability | Observed |');
    expect(rows.slice(2, 4)).toEqual([
      '| Lead | Contact made | 10% | — |',
      '| Qualified | BANT confirmed | 25% | 31% |',
    ]);
  });

  it('lists lead sources and CRM fields as tables', () => {
    const text = render();
    expect(sectionOf(text, 'LEAD SOURCES')).toContain('| Outbound SDR | 1,260/mo | Med | $420 |');
    expect(sectionOf(text, 'CRM FIELDS')).toContain('| Activity | Last touch | Auto |');
  });

  it('writes each follow-up step as "No Response N: Channel @ Day D"', () => {
    expect(boxesOf(render())[4]?.slice(1, 3)).toEqual([
      '│  No Response 1: Email @ Day 2       │',
      '│  No Response 2: Call @ Day 4        │',
    ]);
  });

  it('renders trends as arrows and an unknown current metric as a dash', () => {
    const design = saasDesign();
    design.metrics = design.metrics.map((m) =>
      m.name === 'Close Rate' ? { ...m, current: undefined } : m,
    ) as Design['metrics'];
    const rows = sectionOf(render(design), 'METRICS DASHBOARD').slice(4).map(cellsOf);
    expect(rows).toEqual([
      ['MQL to SQL', '30%', '26%', '↑'],
      ['SQL to Opp', '55%', '48%', '↓'],
      ['Close Rate', '25%', '—', '→'],
      ['Avg Deal', '$45,000', '$42,000', '↑'],
    ]);
  });

  it('ends with the status line when nothing was assumed', () => {
    expect(render()).not.toContain('ASSUMPTIONS');
    expect(render()).not.toMatch(/ \*$/m);
  });

  it('marks assumed values and lists the assumptions after the status line', () => {
    const text = render(assumedDesign());
    expect(text).toContain('│  Cycle Length: 54 days *            │');
    expect(text).toContain('│            Logistics *              │');
    expect(text).toContain('\nLEAD SOURCES *\n');
    expect(text).toContain('| Close Rate | 25% * | 21% | → |');
    expect(text).toContain('| MQL to SQL | 30% | 26% | ↑ |');
    expect(text.split('Sales Ops Status: ● On track\n')[1]).toBe(
      [
        '',
        'ASSUMPTIONS (*)',
        '─'.repeat(36),
        '- cycle.averageDays: 60 — typical for a hybrid sales team',
        '- icp.industries: B2B companies (not yet narrowed) — no industries given',
        '- leadSources: Inbound website, Outbound prospecting — no lead sources given',
        '- metrics.closeRate.target: 22 — typical for mid-market deals',
        '- deal.motion: consultative — typical for a hybrid sales team',
        '',
      ].join('\n'),
    );
  });

  it('shows a perfect health score without overflowing the line', () => {
    const design = saasDesign();
    design.overview.health.score = 10;
    expect(render(design)).toContain('│  Pipeline Health: ██████████ 10/10  │');
  });

  it('keeps a stage label too long for the funnel column on its own lines', () => {
    const design = saasDesign();
    design.funnel = [
      { stage: 'Lead', percent: 100 },
      { stage: 'Negotiation with procurement and legal', percent: 20 },
    ];
    const box = boxesOf(render(design))[3] ?? [];
    expect(box.slice(1, -1)).toEqual([
      '│  Lead: ████████████ 100%            │',
      '│  Negotiation with procurement and   │',
      '│  legal:                             │',
      '│        ██░░░░░░░░░░  20%            │',
    ]);
  });
});
