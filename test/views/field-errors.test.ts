import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorsResponse, fieldErrors } from '../../src/views/field-errors.js';

describe('fieldErrors', () => {
  it('keeps the first message of each input block, so the person sees one thing to fix under each', () => {
    const schema = z.object({
      company_block: z.string().min(1, 'Enter the company').max(3, 'Keep it short'),
      amount_block: z.number({ error: 'Enter an amount' }),
      note_block: z.string().optional(),
    });
    const parsed = schema.safeParse({ company_block: '', amount_block: 'lots' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({
      company_block: 'Enter the company',
      amount_block: 'Enter an amount',
    });
  });

  it('wraps the messages in the ack that keeps the modal open', () => {
    expect(errorsResponse({ b: 'Fix this' })).toEqual({
      response_action: 'errors',
      errors: { b: 'Fix this' },
    });
  });
});
