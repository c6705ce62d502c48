import { describe, expect, it } from 'vitest';
import {
  BUSINESS_FIELDS,
  buildBusinessStep,
  parseBusinessStep,
  salvageBusinessStep,
} from '../../../src/views/intake/business-step.js';
import {
  ACTION_IDS,
  BLOCK_IDS,
  INTAKE_CALLBACK_ID,
  INTAKE_NAV_BLOCK_ID,
  parseIntakeMetadata,
} from '../../../src/views/intake/index.js';
import { acmeDraft, ctx } from './drafts.js';
import { initialOf, inputsOf, stateOf } from './state.js';

describe('business step', () => {
  it('pre-fills every field from the draft', () => {
    const view = buildBusinessStep(acmeDraft(), ctx(1));
    expect(initialOf(view, 'business')).toBe('Acme Corp');
    expect(initialOf(view, 'model')).toBe('hybrid');
    expect(initialOf(view, 'dealSize')).toBe('42000');
    expect(initialOf(view, 'segment')).toBe('mid-market');
    expect(initialOf(view, 'motion')).toBe('consultative');
    expect(initialOf(view, 'timezone')).toBe('America/New_York');
  });

  it('leaves fields empty when the draft has nothing for them', () => {
    const view = buildBusinessStep({}, ctx(1));
    for (const field of BUSINESS_FIELDS) expect(initialOf(view, field)).toBeUndefined();
  });

  it('uses the exported block and action ids for its inputs', () => {
    const inputs = inputsOf(buildBusinessStep({}, ctx(1)));
    expect(inputs.map((b) => b.block_id)).toEqual(BUSINESS_FIELDS.map((f) => BLOCK_IDS[f]));
    expect(inputs.map((b) => ('action_id' in b.element ? b.element.action_id : undefined))).toEqual(
      BUSINESS_FIELDS.map((f) => ACTION_IDS[f]),
    );
  });

  it('is step 1 of 5 with a short title, Next, metadata, close notification and no Back button', () => {
    const view = buildBusinessStep({}, ctx(1));
    expect(view.title.text).toBe('Sales design · 1/5');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text).toBe('Next');
    expect(view.callback_id).toBe(INTAKE_CALLBACK_ID);
    expect(view.notify_on_close).toBe(true);
    expect(parseIntakeMetadata(view.private_metadata ?? '')).toEqual({
      teamId: 'T0001',
      channelId: 'C0001',
      step: 1,
    });
    expect(view.blocks.some((b) => b.block_id === INTAKE_NAV_BLOCK_ID)).toBe(false);
  });

  it('offers a saved time zone that is not among the common ones, selected', () => {
    const view = buildBusinessStep({ timezone: 'Asia/Kathmandu' }, ctx(1));
    expect(initialOf(view, 'timezone')).toBe('Asia/Kathmandu');
  });

  it('parses good values into the draft shape, reading "50k" as 50000', () => {
    const result = parseBusinessStep(
      stateOf({ business: '  Acme Corp ', model: 'inside', dealSize: '50k', timezone: 'Europe/Paris' }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        business: 'Acme Corp',
        model: 'inside',
        timezone: 'Europe/Paris',
        deal: { averageSize: 50_000, segment: undefined, motion: undefined },
      },
    });
  });

  it.each([
    [{ business: '', model: 'inside' }, 'business', /Enter the business name/],
    [{ business: '   ', model: 'inside' }, 'business', /Enter the business name/],
    [{ business: 'x'.repeat(121), model: 'inside' }, 'business', /120 characters or fewer/],
    [{ business: 'Acme' }, 'model', /inside, field or hybrid/],
    [{ business: 'Acme', model: 'online' }, 'model', /inside, field or hybrid/],
    [
      { business: 'Acme', model: 'inside', dealSize: 'lots' },
      'dealSize',
      /could not read 'lots' as an amount; try 50k/,
    ],
    [{ business: 'Acme', model: 'inside', dealSize: '-5k' }, 'dealSize', /0 or more/],
    [{ business: 'Acme', model: 'inside', segment: 'huge' }, 'segment', /SMB, mid-market or enterprise/],
    [{ business: 'Acme', model: 'inside', timezone: 'Mars/Base' }, 'timezone', /time zone/],
  ] as const)('returns an inline error for %j under its block', (values, field, message) => {
    const result = parseBusinessStep(stateOf(values));
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors)).toEqual([BLOCK_IDS[field]]);
    expect(result.errors[BLOCK_IDS[field]]).toMatch(message);
  });

  it('reports every bad field at once', () => {
    const result = parseBusinessStep(stateOf({ business: '', dealSize: 'lots' }));
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(
      [BLOCK_IDS.business, BLOCK_IDS.dealSize, BLOCK_IDS.model].sort(),
    );
  });

  it('keeps the valid inputs when salvaging a step that has errors', () => {
    expect(salvageBusinessStep(stateOf({ business: 'Acme', dealSize: 'lots', model: 'field' }))).toEqual({
      business: 'Acme',
      model: 'field',
      timezone: undefined,
      deal: { segment: undefined, motion: undefined },
    });
  });
});
