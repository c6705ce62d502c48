import { describe, expect, it } from 'vitest';
import {
  buildConversionStep,
  CONVERSION_FIELDS,
  parseConversionStep,
} from '../../../src/views/intake/conversion-step.js';
import { BLOCK_IDS, mergeStep } from '../../../src/views/intake/index.js';
import { acmeDraft, ctx } from './drafts.js';
import { initialOf, inputsOf, stateOf } from './state.js';

describe('cycle and conversion step', () => {
  it('pre-fills the cycle, every rate and the quota from the draft', () => {
    const view = buildConversionStep(acmeDraft(), ctx(4));
    expect(CONVERSION_FIELDS.map((f) => initialOf(view, f))).toEqual([
      '54',
      '11',
      '15',
      '26',
      '30',
      '48',
      '55',
      '21',
      '25',
      '1800000',
    ]);
    expect(inputsOf(view).map((b) => b.block_id)).toEqual(CONVERSION_FIELDS.map((f) => BLOCK_IDS[f]));
    expect(view.title.text).toBe('Sales design · 4/5');
  });

  it('parses rates as percentages and the quota as money', () => {
    const result = parseConversionStep(
      stateOf({
        cycleDays: '45',
        cvrCurrent: '12.5',
        cvrTarget: '15%',
        closeRateTarget: '0',
        quarterlyQuota: '$1.8m',
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(mergeStep({}, result.data)).toStrictEqual({
      cycle: { averageDays: 45 },
      conversion: { current: 12.5, target: 15 },
      metrics: { closeRate: { target: 0 } },
      team: { quarterlyQuota: 1_800_000 },
    });
  });

  it.each([
    [{ cvrTarget: '120' }, 'cvrTarget', /between 0 and 100 \(a percentage, such as 15\)/],
    [{ mqlToSqlCurrent: '-4' }, 'mqlToSqlCurrent', /between 0 and 100/],
    [{ sqlToOppTarget: 'half' }, 'sqlToOppTarget', /as a percentage, such as 55/],
    [{ cycleDays: '4.5' }, 'cycleDays', /^Enter a whole number of days, such as 45$/],
    [{ cycleDays: '0' }, 'cycleDays', /between 1 and 3650 days/],
    [
      { quarterlyQuota: 'big' },
      'quarterlyQuota',
      /^Quarterly quota \(whole team\): could not read 'big' as an amount/,
    ],
  ] as const)('returns an inline error for %j under its block', (values, field, message) => {
    const result = parseConversionStep(stateOf(values));
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors)).toEqual([BLOCK_IDS[field]]);
    expect(result.errors[BLOCK_IDS[field]]).toMatch(message);
  });
});
