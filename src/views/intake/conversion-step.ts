import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { IntakeDraft } from './draft.js';
import { numberInput, plainNumber, textInput } from './elements.js';
import { field, money, percent, type StateValues, wholeNumber } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { parseStepValues, type StepResult, salvageStepValues } from './step-parse.js';
import { type StepContext, stepView } from './step-view.js';

/** Step 4 of the intake: the current sales cycle, conversion rates and quota. */
export const CONVERSION_STEP_NAME = 'Cycle and conversion';
export const CONVERSION_FIELDS = [
  'cycleDays',
  'cvrCurrent',
  'cvrTarget',
  'mqlToSqlCurrent',
  'mqlToSqlTarget',
  'sqlToOppCurrent',
  'sqlToOppTarget',
  'closeRateCurrent',
  'closeRateTarget',
  'quarterlyQuota',
] as const satisfies readonly IntakeField[];

/** Step 4's schema, keyed by input block id. */
export const conversionStepSchema = z.object({
  [BLOCK_IDS.cycleDays]: field(wholeNumber('days', 45, 1, 3650)),
  [BLOCK_IDS.cvrCurrent]: field(percent('the current lead-to-customer conversion', 11)),
  [BLOCK_IDS.cvrTarget]: field(percent('the target lead-to-customer conversion', 15)),
  [BLOCK_IDS.mqlToSqlCurrent]: field(percent('the current MQL to SQL rate', 26)),
  [BLOCK_IDS.mqlToSqlTarget]: field(percent('the target MQL to SQL rate', 30)),
  [BLOCK_IDS.sqlToOppCurrent]: field(percent('the current SQL to opportunity rate', 48)),
  [BLOCK_IDS.sqlToOppTarget]: field(percent('the target SQL to opportunity rate', 55)),
  [BLOCK_IDS.closeRateCurrent]: field(percent('the current close rate', 21)),
  [BLOCK_IDS.closeRateTarget]: field(percent('the target close rate', 25)),
  [BLOCK_IDS.quarterlyQuota]: field(money('quarterlyQuota')),
});

type Metric = { current?: number | undefined; target?: number | undefined } | undefined;

function pair(current: IntakeField, target: IntakeField, metric: Metric, example: [number, number]) {
  return [
    numberInput(current, {
      initial: metric?.current,
      decimal: true,
      optional: true,
      placeholder: String(example[0]),
    }),
    numberInput(target, {
      initial: metric?.target,
      decimal: true,
      optional: true,
      placeholder: String(example[1]),
    }),
  ];
}

/** Builds step 4, pre-filled from the draft. */
export function buildConversionStep(draft: IntakeDraft, ctx: StepContext): ModalView {
  const metrics = draft.metrics;
  return stepView(
    ctx,
    CONVERSION_STEP_NAME,
    [
      numberInput('cycleDays', {
        initial: draft.cycle?.averageDays,
        optional: true,
        placeholder: '45',
        hint: 'From first contact to signed contract.',
      }),
      ...pair('cvrCurrent', 'cvrTarget', draft.conversion, [11, 15]),
      ...pair('mqlToSqlCurrent', 'mqlToSqlTarget', metrics?.mqlToSql, [26, 30]),
      ...pair('sqlToOppCurrent', 'sqlToOppTarget', metrics?.sqlToOpp, [48, 55]),
      ...pair('closeRateCurrent', 'closeRateTarget', metrics?.closeRate, [21, 25]),
      textInput('quarterlyQuota', {
        initial: plainNumber(draft.team?.quarterlyQuota),
        optional: true,
        maxLength: 30,
        placeholder: '1.8m',
        hint: 'Used for pipeline coverage. 500k, $1.8m and 1,800,000 all work.',
      }),
    ],
    'Percentages are 0 to 100. Leave a rate empty if you do not track it; typical figures are assumed and marked.',
  );
}

/** Parses step 4's `view.state.values` into a draft patch or inline errors. */
export function parseConversionStep(values: StateValues): StepResult {
  return parseStepValues(conversionStepSchema, CONVERSION_FIELDS, values);
}

/** Keeps step 4's valid inputs for a draft saved on Back or Close. */
export function salvageConversionStep(values: StateValues): IntakeDraft {
  return salvageStepValues(conversionStepSchema, CONVERSION_FIELDS, values);
}
