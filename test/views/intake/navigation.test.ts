import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intakeSchema } from '../../../src/engines/intake.js';
import { InputError } from '../../../src/errors.js';
import {
  BLOCK_IDS,
  buildStepView,
  encodeIntakeMetadata,
  FIELD_PATHS,
  INTAKE_DONE_CALLBACK_ID,
  INTAKE_NOTICE_BLOCK_ID,
  INTAKE_STEPS,
  type IntakeField,
  incompleteIntakeResponse,
  mergeStep,
  nextStepResponse,
  parseIntakeMetadata,
  parseStep,
  previousStepView,
  TOTAL_STEPS,
  validateCompleteIntake,
} from '../../../src/views/intake/index.js';
import { acmeDraft, acmeWithout, ORIGIN } from './drafts.js';
import { stateOf, submitUnchanged } from './state.js';

function stepOfView(view: { private_metadata?: string }): number {
  return parseIntakeMetadata(view.private_metadata ?? '').step;
}

function resolves(path: readonly string[]): boolean {
  let node: unknown = intakeSchema;
  for (const key of path) {
    while (node instanceof z.ZodOptional) node = node.unwrap();
    if (!(node instanceof z.ZodObject)) return false;
    node = node.shape[key];
  }
  return node !== undefined;
}

describe('intake steps', () => {
  it('has five steps and asks for every field in exactly one of them', () => {
    expect(INTAKE_STEPS).toHaveLength(TOTAL_STEPS);
    const asked = INTAKE_STEPS.flatMap((s) => s.fields);
    expect([...asked].sort()).toEqual((Object.keys(BLOCK_IDS) as IntakeField[]).sort());
  });

  it('writes every field to a path that exists in the intake schema', () => {
    for (const path of Object.values(FIELD_PATHS)) expect(resolves(path), path.join('.')).toBe(true);
  });

  it.each([1, 2, 3, 4, 5])('leaves the draft unchanged when step %i is submitted untouched', (step) => {
    const draft = acmeDraft();
    const result = parseStep(step, submitUnchanged(buildStepView(step, draft, ORIGIN)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(mergeStep(draft, result.data)).toStrictEqual(draft);
  });
});

describe('mergeStep', () => {
  it('merges nested values and keeps what the form does not ask for', () => {
    const draft = {
      business: 'Acme',
      model: 'inside' as const,
      team: { reps: 9 },
      metrics: { averageDeal: { target: 5 } },
    };
    const result = parseStep(4, stateOf({ quarterlyQuota: '900k', closeRateTarget: '25' }));
    if (!result.ok) throw new Error('expected a valid step');
    expect(mergeStep(draft, result.data)).toStrictEqual({
      business: 'Acme',
      model: 'inside',
      team: { reps: 9, quarterlyQuota: 900_000 },
      metrics: { averageDeal: { target: 5 }, closeRate: { target: 25 } },
    });
  });

  it('clears a field left empty and drops a range whose ends were both cleared', () => {
    const draft = acmeDraft();
    const business = parseStep(1, stateOf({ business: 'Acme Corp', model: 'hybrid' }));
    const icp = parseStep(2, stateOf({ industries: 'Fintech' }));
    if (!business.ok || !icp.ok) throw new Error('expected valid steps');
    const merged = mergeStep(mergeStep(draft, business.data), icp.data);
    expect(merged.deal).toBeUndefined();
    expect(merged.timezone).toBeUndefined();
    expect(merged.icp).toStrictEqual({ industries: ['Fintech'] });
    expect(merged.leadSources).toEqual(draft.leadSources);
  });
});

describe('step navigation', () => {
  it('answers a valid step with an update to the next step, so the view stack never grows', () => {
    const response = nextStepResponse(1, acmeDraft(), ORIGIN);
    expect(response.response_action).toBe('update');
    expect(stepOfView(response.view)).toBe(2);
  });

  it('answers the last step with a view that has nothing left to submit', () => {
    const response = nextStepResponse(5, acmeDraft(), ORIGIN);
    expect(response.view.callback_id).toBe(INTAKE_DONE_CALLBACK_ID);
    expect(response.view.type === 'modal' && response.view.submit).toBeFalsy();
    expect(JSON.stringify(response.view)).toContain('Acme Corp');
  });

  it('goes back one step, never before the first', () => {
    expect(stepOfView(previousStepView(3, {}, ORIGIN))).toBe(2);
    expect(stepOfView(previousStepView(1, {}, ORIGIN))).toBe(1);
  });

  it('refuses private metadata that is not an intake step', () => {
    expect(() => parseIntakeMetadata('not json')).toThrow(InputError);
    expect(() => parseIntakeMetadata(JSON.stringify({ teamId: 'T1', channelId: 'C1', step: 9 }))).toThrow(
      /run \/sales-ops again/,
    );
    expect(encodeIntakeMetadata({ teamId: 'T1', channelId: 'C1', step: 2 }).length).toBeLessThan(3000);
  });
});

describe('validateCompleteIntake', () => {
  it('accepts the complete example', () => {
    expect(validateCompleteIntake(acmeDraft())).toEqual({ ok: true, intake: acmeDraft() });
  });

  it.each<[string, Record<string, unknown>, number, IntakeField, RegExp]>([
    ['a missing business', { business: undefined }, 1, 'business', /needed to build the blueprint/],
    ['a missing sales model', { model: undefined }, 1, 'model', /needed to build the blueprint/],
    ['half a revenue range', { icp: { annualRevenue: { min: 5 } } }, 2, 'revenueMax', /needed/],
    [
      'a range the wrong way round',
      { icp: { companySize: { min: 900, max: 10 } } },
      2,
      'sizeMin',
      /larger than max/,
    ],
    [
      'a negative lead-source volume',
      { leadSources: [{ name: 'Web', volumePerMonth: -5, quality: 'high', cac: 1 }] },
      3,
      'leadSources',
      /^Line 1: volumePerMonth must be 0 or more/,
    ],
    [
      'a close rate over 100',
      { metrics: { closeRate: { target: 120 } } },
      4,
      'closeRateTarget',
      /at most 100/,
    ],
    ['an unknown framework', { framework: 'spiced' }, 5, 'framework', /must be one of/],
  ])('points at the step and block of %s', (_, change, step, field, message) => {
    const result = validateCompleteIntake({ ...acmeDraft(), ...change });
    if (result.ok) throw new Error('expected a problem');
    expect(result.step).toBe(step);
    expect(Object.keys(result.errors)).toEqual([BLOCK_IDS[field]]);
    expect(result.errors[BLOCK_IDS[field]]).toMatch(message);
  });

  it('points at the earliest step when several steps have problems', () => {
    const result = validateCompleteIntake({ ...acmeDraft(), business: '', cycle: { averageDays: 0 } });
    expect(result.ok ? 0 : result.step).toBe(1);
    const later = validateCompleteIntake({
      ...acmeDraft(),
      cycle: { averageDays: 0 },
      icp: { industries: [''] },
    });
    expect(later.ok ? 0 : later.step).toBe(2);
  });

  it('answers with inline errors when the problem is on the submitted step', () => {
    const result = validateCompleteIntake({ ...acmeDraft(), framework: 'spiced' as 'auto' });
    if (result.ok) throw new Error('expected a problem');
    expect(incompleteIntakeResponse(result, 5, acmeDraft(), ORIGIN)).toEqual({
      response_action: 'errors',
      errors: result.errors,
    });
  });

  it('sends the person back to an earlier step with a notice naming the field', () => {
    const draft = acmeWithout('business');
    const result = validateCompleteIntake(draft);
    if (result.ok) throw new Error('expected a problem');
    const response = incompleteIntakeResponse(result, 5, draft, ORIGIN);
    if (response.response_action !== 'update') throw new Error('expected an update');
    expect(stepOfView(response.view)).toBe(1);
    const notice = response.view.blocks.find((b) => b.block_id === INTAKE_NOTICE_BLOCK_ID);
    expect(JSON.stringify(notice)).toContain('Business name: This is needed to build the blueprint');
  });
});
