import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { IntakeDraft } from './draft.js';
import { numberInput, plainNumber, textInput } from './elements.js';
import { commaList, field, lineList, money, type StateValues, wholeNumber } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { parseStepValues, type StepResult, salvageStepValues } from './step-parse.js';
import { type StepContext, stepView } from './step-view.js';

/** Step 2 of the intake: the ideal customer profile. */
export const ICP_STEP_NAME = 'Ideal customer profile';
export const ICP_FIELDS = [
  'industries',
  'sizeMin',
  'sizeMax',
  'revenueMin',
  'revenueMax',
  'geography',
  'painPoints',
  'buyingTriggers',
] as const satisfies readonly IntakeField[];

const ITEM_MAX = 200;
const employees = wholeNumber('employees', 200, 0, 10_000_000);

type Range = { min: string; max: string; what: string };
const RANGES: Range[] = [
  { min: BLOCK_IDS.sizeMin, max: BLOCK_IDS.sizeMax, what: 'company size' },
  { min: BLOCK_IDS.revenueMin, max: BLOCK_IDS.revenueMax, what: 'annual revenue' },
];

/** Step 2's schema, keyed by input block id; a range needs both ends, smallest first. */
export const icpStepSchema = z
  .object({
    [BLOCK_IDS.industries]: field(commaList('industries', ITEM_MAX)),
    [BLOCK_IDS.sizeMin]: field(employees),
    [BLOCK_IDS.sizeMax]: field(employees),
    [BLOCK_IDS.revenueMin]: field(money('revenueMin')),
    [BLOCK_IDS.revenueMax]: field(money('revenueMax')),
    [BLOCK_IDS.geography]: field(commaList('regions', ITEM_MAX)),
    [BLOCK_IDS.painPoints]: field(lineList('pain points', ITEM_MAX)),
    [BLOCK_IDS.buyingTriggers]: field(lineList('buying triggers', ITEM_MAX)),
  })
  .superRefine(
    (data, ctx) => {
      const values: Record<string, unknown> = data;
      for (const range of RANGES) {
        const min = values[range.min];
        const max = values[range.max];
        if (min === undefined && typeof max === 'number')
          ctx.addIssue({
            code: 'custom',
            path: [range.min],
            message: `Enter the smallest ${range.what} too, or clear both`,
          });
        if (max === undefined && typeof min === 'number')
          ctx.addIssue({
            code: 'custom',
            path: [range.max],
            message: `Enter the largest ${range.what} too, or clear both`,
          });
        if (typeof min === 'number' && typeof max === 'number' && min > max)
          ctx.addIssue({
            code: 'custom',
            path: [range.min],
            message: `The smallest ${range.what} is larger than the largest; swap them`,
          });
      }
    },
    // Run even when another field failed, so every problem shows at once.
    { when: () => true },
  );

/** Builds step 2, pre-filled from the draft. */
export function buildIcpStep(draft: IntakeDraft, ctx: StepContext): ModalView {
  const icp = draft.icp;
  return stepView(
    ctx,
    ICP_STEP_NAME,
    [
      textInput('industries', {
        initial: icp?.industries?.join(', '),
        optional: true,
        placeholder: 'B2B SaaS, Fintech, Logistics',
        hint: 'Separate industries with commas.',
      }),
      numberInput('sizeMin', {
        initial: icp?.companySize?.min,
        optional: true,
        placeholder: '200',
      }),
      numberInput('sizeMax', {
        initial: icp?.companySize?.max,
        optional: true,
        placeholder: '2000',
      }),
      textInput('revenueMin', {
        initial: plainNumber(icp?.annualRevenue?.min),
        optional: true,
        maxLength: 30,
        placeholder: '20m',
      }),
      textInput('revenueMax', {
        initial: plainNumber(icp?.annualRevenue?.max),
        optional: true,
        maxLength: 30,
        placeholder: '250m',
      }),
      textInput('geography', {
        initial: icp?.geography?.join(', '),
        optional: true,
        placeholder: 'North America, United Kingdom',
        hint: 'Separate regions with commas.',
      }),
      textInput('painPoints', {
        initial: icp?.painPoints?.join('\n'),
        optional: true,
        multiline: true,
        placeholder: 'Forecasts miss by more than 20%',
        hint: 'One per line: the problems your best customers had before buying.',
      }),
      textInput('buyingTriggers', {
        initial: icp?.buyingTriggers?.join('\n'),
        optional: true,
        multiline: true,
        placeholder: 'New VP of Sales hired',
        hint: 'One per line: events that make a company start looking.',
      }),
    ],
    'Who buys from you? Leave anything you are unsure of empty; the blueprint marks what it assumed.',
  );
}

/** Parses step 2's `view.state.values` into a draft patch or inline errors. */
export function parseIcpStep(values: StateValues): StepResult {
  return parseStepValues(icpStepSchema, ICP_FIELDS, values);
}

/** Keeps step 2's valid inputs for a draft saved on Back or Close. */
export function salvageIcpStep(values: StateValues): IntakeDraft {
  return salvageStepValues(icpStepSchema, ICP_FIELDS, values);
}
