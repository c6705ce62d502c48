import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkView } from '../../../src/blocks/limits.js';
import {
  buildIntakeDoneView,
  buildStepView,
  type IntakeDraft,
  incompleteIntakeResponse,
  nextStepResponse,
  TOTAL_STEPS,
  validateCompleteIntake,
} from '../../../src/views/intake/index.js';
import { anyText } from '../../engines/blueprint/arbitraries.js';
import { acmeDraft, acmeWithout, ORIGIN } from './drafts.js';

const STEPS = Array.from({ length: TOTAL_STEPS }, (_, i) => i + 1);

/** Long and unusual text: 500-character names, emoji, CJK, mrkdwn control characters. */
const oddText = fc.oneof(
  anyText,
  fc.constantFrom(
    'x'.repeat(500),
    '👨‍👩‍👧‍👦'.repeat(300),
    '漢字'.repeat(1600),
    '<&>'.repeat(1200),
    '*_~`'.repeat(50),
  ),
  fc.string({ unit: 'grapheme', maxLength: 4000 }),
);
const oddNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e21, -0, 5e-324, 123456789.98765433));
const oddList = fc.array(oddText, { maxLength: 12 });

const oddDraft: fc.Arbitrary<IntakeDraft> = fc.record(
  {
    business: oddText,
    model: fc.constantFrom('inside', 'field', 'hybrid'),
    timezone: oddText,
    deal: fc.record({ averageSize: oddNumber }, { requiredKeys: [] }),
    cycle: fc.record({ averageDays: oddNumber }),
    conversion: fc.record({ current: oddNumber, target: oddNumber }, { requiredKeys: [] }),
    icp: fc.record(
      {
        industries: oddList,
        companySize: fc.record({ min: oddNumber, max: oddNumber }),
        annualRevenue: fc.record({ min: oddNumber, max: oddNumber }),
        geography: oddList,
        painPoints: oddList,
        buyingTriggers: oddList,
      },
      { requiredKeys: [] },
    ),
    leadSources: fc.array(
      fc.record({
        name: oddText,
        volumePerMonth: oddNumber,
        quality: fc.constantFrom('high', 'medium', 'low'),
        cac: oddNumber,
      }),
      { maxLength: 12 },
    ),
    framework: fc.constantFrom('auto', 'bant', 'meddic', 'meddpicc', 'spin', 'sandler', 'challenger'),
    team: fc.record({ quarterlyQuota: oddNumber }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

function expectWithinLimits(view: unknown): void {
  expect(checkView(view)).toEqual({ ok: true });
}

describe('intake views and Slack limits', () => {
  it.each(STEPS)('keeps step %i within every view limit, empty and pre-filled', (step) => {
    expectWithinLimits(buildStepView(step, {}, ORIGIN));
    expectWithinLimits(buildStepView(step, acmeDraft(), ORIGIN));
  });

  it('keeps the done view and a notice sending someone back within the limits', () => {
    expectWithinLimits(buildIntakeDoneView(acmeDraft(), ORIGIN));
    const draft = acmeWithout('business');
    const result = validateCompleteIntake(draft);
    if (result.ok) throw new Error('expected a problem');
    const response = incompleteIntakeResponse(result, TOTAL_STEPS, draft, ORIGIN);
    expect(response.response_action).toBe('update');
    if (response.response_action === 'update') expectWithinLimits(response.view);
  });

  it('never builds a view Slack would reject, whatever the draft holds', () => {
    fc.assert(
      fc.property(oddDraft, fc.integer({ min: 1, max: TOTAL_STEPS }), oddText, (draft, step, notice) => {
        expectWithinLimits(buildStepView(step, draft, ORIGIN));
        expectWithinLimits(buildStepView(step, draft, { ...ORIGIN, notice }));
        expectWithinLimits(nextStepResponse(step, draft, ORIGIN).view);
      }),
      { numRuns: 150 },
    );
  });
});
