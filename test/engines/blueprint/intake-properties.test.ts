import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderBlueprint,
  renderBlueprintJson,
  renderBlueprintMarkdown,
} from '../../../src/engines/blueprint/index.js';
import { buildDesign } from '../../../src/engines/build-design.js';
import { type RawIntake, resolveIntake } from '../../../src/engines/intake.js';
import { operatingThresholds, type Thresholds } from '../../../src/engines/thresholds.js';
import { MOTIONS, SALES_MODELS } from '../../../src/engines/types.js';

const NOW = '2026-11-24T09:00:00.000Z';
const RUNS = { numRuns: 60 };

/** Words a person might write in an intake, braces and dollar signs included. */
const words = fc.oneof(
  fc.constantFrom(
    'Reports by hand',
    'Costs {{ too much }}',
    'Churn \u0024{rising}',
    'Slow quotes',
    'Lost leads',
  ),
  fc.stringMatching(/^[A-Z][a-z]{2,12}( [a-z]{2,10}){0,4}$/),
);

/** A cumulative funnel with the team's own stage names, the last one the won stage. */
const funnel = fc
  .tuple(
    fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{3,9}$/), { minLength: 1, maxLength: 6 }),
    fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([names, values]) => {
    const shares = values.sort((a, b) => b - a);
    const stages = [...names, 'Closed Won'];
    return Object.fromEntries(stages.map((n, i) => [n, i === 0 ? 100 : (shares[i] ?? 1)]));
  });

const intake: fc.Arbitrary<RawIntake> = fc.record(
  {
    business: fc.constantFrom('Acme', 'Globex Ltd', 'Initech'),
    model: fc.constantFrom(...SALES_MODELS),
    deal: fc.record({
      averageSize: fc.integer({ min: 100, max: 2_000_000 }),
      motion: fc.constantFrom(...MOTIONS),
    }),
    cycle: fc.record({ averageDays: fc.integer({ min: 1, max: 3650 }) }),
    conversion: fc.record(
      { current: fc.integer({ min: 0, max: 100 }), target: fc.integer({ min: 1, max: 100 }) },
      {
        requiredKeys: ['target'],
      },
    ),
    icp: fc.record({
      painPoints: fc.array(words, { minLength: 1, maxLength: 3 }),
      buyingTriggers: fc.array(words, { minLength: 1, maxLength: 2 }),
    }),
    leadSources: fc.array(
      fc.record({
        name: fc.constantFrom('Product signups', 'Referrals', 'Outbound', 'Events'),
        volumePerMonth: fc.integer({ min: 0, max: 1000 }),
        quality: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
        cac: fc.integer({ min: 0, max: 50_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    funnel,
    metrics: fc.record({
      closeRate: fc.record(
        {
          target: fc.integer({ min: 1, max: 90 }),
          current: fc.integer({ min: 0, max: 90 }),
          previous: fc.integer({ min: 0, max: 90 }),
        },
        { requiredKeys: ['target'] },
      ),
    }),
  },
  { requiredKeys: ['business', 'model'] },
);

const openProbabilities = (raw: RawIntake) =>
  buildDesign(resolveIntake(raw)).stages.filter((s) => s.name !== 'Closed Won' && s.name !== 'Closed Lost');

describe('the blueprint of any intake', () => {
  it('has stage probabilities that never decrease along the stages', () => {
    fc.assert(
      fc.property(intake, (raw) => {
        const p = openProbabilities(raw).map((s) => s.probability);
        for (let i = 1; i < p.length; i += 1) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1] ?? 0);
      }),
      RUNS,
    );
  });

  it('matches a given funnel: won share ÷ stage share at every open stage', () => {
    fc.assert(
      fc.property(intake, funnel, (raw, f) => {
        const won = f['Closed Won'] ?? 0;
        let floor = 0;
        for (const stage of openProbabilities({ ...raw, funnel: f })) {
          const share = f[stage.name] ?? 0;
          floor = Math.max(floor, Math.min(99, Math.round((100 * won) / share)));
          expect(stage.probability).toBe(floor);
        }
      }),
      RUNS,
    );
  });

  it('prints no placeholder, undefined or NaN in text, JSON or markdown, and only known template variables', () => {
    const known = [
      'first_name',
      'last_name',
      'company',
      'title',
      'pain_point',
      'sender_name',
      'sender_company',
    ];
    fc.assert(
      fc.property(intake, (raw) => {
        const d = buildDesign(resolveIntake(raw));
        for (const out of [
          renderBlueprint(d, { now: NOW }),
          renderBlueprintJson(d, { now: NOW }),
          renderBlueprintMarkdown(d, { now: NOW }),
        ]) {
          expect(out).not.toMatch(/undefined|NaN|\[object Object\]|every staleDays|\$\{(?!rising)/);
        }
        const templates = d.followUp.steps
          .map((s) => `${s.template.subject ?? ''}\n${s.template.body}`)
          .join('\n');
        const variables = [...templates.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1] ?? '');
        expect(variables.filter((v) => !known.includes(v))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is the same every time for the same intake', () => {
    fc.assert(
      fc.property(intake, (raw) => {
        const once = renderBlueprintMarkdown(buildDesign(resolveIntake(structuredClone(raw))), { now: NOW });
        expect(renderBlueprintMarkdown(buildDesign(resolveIntake(raw)), { now: NOW })).toBe(once);
      }),
      { numRuns: 30 },
    );
  });
});

describe('operatingThresholds', () => {
  it('grows every limit with the cycle length', () => {
    const keys: (keyof Thresholds)[] = [
      'idleDays',
      'staleDays',
      'leadStaleDays',
      'speedToLeadHours',
      'cadenceDays',
      'reviewDays',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3650 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom(...MOTIONS),
        (days, more, averageSize, motion) => {
          const at = (d: number) =>
            operatingThresholds({ cycle: { averageDays: d }, deal: { averageSize, motion } });
          const short = at(days);
          const long = at(Math.min(3650, days + more));
          for (const key of keys) expect(long[key]).toBeGreaterThanOrEqual(short[key]);
        },
      ),
    );
  });

  it('waits at least 30 days before a 270-day deal is stale, and acts within 3 days on a 6-day sale', () => {
    const deal = { averageSize: 1500, motion: 'transactional' as const };
    expect(operatingThresholds({ cycle: { averageDays: 270 }, deal }).staleDays).toBeGreaterThanOrEqual(30);
    expect(operatingThresholds({ cycle: { averageDays: 6 }, deal }).staleDays).toBeLessThanOrEqual(3);
  });
});
