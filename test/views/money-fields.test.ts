import type { ViewOutput } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parseBusinessStep } from '../../src/views/intake/business-step.js';
import { BLOCK_IDS } from '../../src/views/intake/index.js';
import { QUALIFY_VIEW } from '../../src/views/qualify/ids.js';
import { readQualifySubmission } from '../../src/views/qualify/submission.js';
import { stateOf } from './intake/state.js';

type Values = ViewOutput['state']['values'];

/** The intake's deal size field and the qualify modal's amount field, each given the same text. */
function intakeDealSize(text: string) {
  const result = parseBusinessStep(stateOf({ business: 'Acme', model: 'inside', dealSize: text }));
  return result.ok ? { amount: result.data.deal?.averageSize } : { error: result.errors[BLOCK_IDS.dealSize] };
}

function qualifyAmount(text: string) {
  const { blocks, actions } = QUALIFY_VIEW;
  const values: Values = {
    [blocks.company]: { [actions.company]: { type: 'plain_text_input', value: 'Acme' } },
    [blocks.amount]: { [actions.amount]: { type: 'plain_text_input', value: text } },
  };
  const result = readQualifySubmission(values, 'bant');
  return result.ok ? { amount: result.data.amount } : { error: result.errors[blocks.amount] };
}

describe('the money fields of the intake and qualify modals', () => {
  it.each([
    ['50k', 50_000],
    ['1.2 million', 1_200_000],
    ['75000 USD', 75_000],
    ['$1.2m', 1_200_000],
    ['25,000', 25_000],
    ['€3bn', 3_000_000_000],
    ['.5k', 500],
  ])('both read %j as %d', (text, amount) => {
    expect(intakeDealSize(text)).toEqual({ amount });
    expect(qualifyAmount(text)).toEqual({ amount });
  });

  it.each(['abc', '2,50', '-5k'])('both refuse %j, naming the field and showing what works', (text) => {
    const intake = intakeDealSize(text).error;
    const qualify = qualifyAmount(text).error;
    expect(intake).toMatch(/^Average deal size: .*; try 50k, 1\.2 million or 75000 USD$/);
    expect(qualify).toMatch(/^Deal amount: .*; try 50k, 1\.2 million or 75000 USD, or leave it empty$/);
  });

  it('tells the person what it could not read', () => {
    expect(intakeDealSize('abc').error).toBe(
      "Average deal size: could not read 'abc' as an amount; try 50k, 1.2 million or 75000 USD",
    );
  });
});
