import { describe, expect, it } from 'vitest';
import { designReports } from '../../../src/engines/crm/index.js';
import { customStages, designStages } from '../../../src/engines/pipeline/index.js';

describe('designReports', () => {
  const reports = designReports({
    stages: designStages({ model: 'field', framework: 'meddic' }),
    leadSources: ['Inbound', 'Events'],
  });

  it('sets up the core pipeline, forecast, activity and hygiene reports', () => {
    expect(reports.map((r) => r.name)).toEqual([
      'Pipeline by stage',
      'Funnel conversion',
      'Win rate',
      'Forecast and coverage',
      'Sales velocity',
      'Time in stage',
      'Lead source performance',
      'Rep activity',
      'Loss reasons',
      'Data hygiene',
    ]);
  });

  it("writes the pipeline's own stages and sources into the definitions", () => {
    const byName = Object.fromEntries(reports.map((r) => [r.name, r.definition]));
    expect(byName['Pipeline by stage']).toContain(
      'Lead → Qualified → Discovery → Validation → Proposal → Negotiation',
    );
    expect(byName['Funnel conversion']).toContain('through Closed Won');
    expect(byName['Lead source performance']).toContain('(Inbound, Events)');
    expect(byName['Forecast and coverage']).toContain('1 ÷ win rate');
  });

  it('follows an imported pipeline and leaves out sources it was not given', () => {
    const imported = designReports({
      stages: customStages([
        { name: 'Prospecting', kind: 'open' },
        { name: 'Engaging', kind: 'open' },
        { name: 'Won', kind: 'won' },
      ]),
    });
    const byName = Object.fromEntries(imported.map((r) => [r.name, r.definition]));
    expect(byName['Pipeline by stage']).toContain('(Prospecting → Engaging)');
    expect(byName['Funnel conversion']).toContain('through Won');
    expect(byName['Lead source performance']).toMatch(/^Per lead source: /);
  });
});
