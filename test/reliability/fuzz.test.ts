import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeCommand } from '../../src/commands/router.js';
import { parseInlineQualify } from '../../src/engines/qualify-text/inline.js';
import { InputError } from '../../src/errors.js';
import { importDeals } from '../../src/import/index.js';
import { buildStepView, parseStep, type StateValues, TOTAL_STEPS } from '../../src/views/intake/index.js';

/** Counted across the file: the issue asks for at least 20,000 hostile inputs in all. */
let cases = 0;
const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({
    unit: fc.constantFrom('"', "'", '\u201c', '\u201d', '=', ' ', '\n', '🚀', 'k', '9', '%', '$', '-'),
  }),
);
const looksLikeAStack = /\n\s+at |TypeError|ReferenceError|undefined|\[object Object\]/;

describe('fuzzing what people type', () => {
  it('routes any slash command text and reads any inline qualify without throwing', () => {
    const clock = { now: new Date(), timeZone: 'Europe/Paris' };
    fc.assert(
      fc.property(hostileText, (text) => {
        cases += 1;
        const route = routeCommand(text);
        expect(typeof route.name).toBe('string');
        try {
          const read = parseInlineQualify(text, { framework: 'bant', clock });
          expect(read).toBeDefined();
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).not.toMatch(looksLikeAStack);
        }
      }),
      { numRuns: 13_000 },
    );
  });

  it('answers any intake modal submission with the draft or messages on the fields', () => {
    const inputs = Array.from({ length: TOTAL_STEPS }, (_, i) => {
      const view = buildStepView(i + 1, {}, { teamId: 'T0SALESOPS', channelId: 'C0SALES001' });
      return (
        view.blocks as { type: string; block_id?: string; element?: { action_id?: string; type?: string } }[]
      )
        .filter((b) => b.type === 'input' && b.block_id && b.element?.action_id)
        .map((b) => ({
          block: b.block_id ?? '',
          action: b.element?.action_id ?? '',
          type: b.element?.type ?? '',
        }));
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: TOTAL_STEPS }),
        fc.array(hostileText, { minLength: 12, maxLength: 12 }),
        (step, texts) => {
          cases += 1;
          const values: Record<string, Record<string, unknown>> = {};
          (inputs[step - 1] ?? []).forEach((field, i) => {
            const value = texts[i % texts.length] ?? '';
            values[field.block] = {
              [field.action]: field.type.includes('select')
                ? { type: field.type, selected_option: { value, text: { type: 'plain_text', text: value } } }
                : { type: field.type, value },
            };
          });
          const result = parseStep(step, values as unknown as StateValues);
          if (!result.ok) {
            for (const message of Object.values(result.errors)) {
              expect(message.length).toBeGreaterThan(0);
              expect(message).not.toMatch(looksLikeAStack);
            }
          }
        },
      ),
      { numRuns: 6_000 },
    );
  });

  it('imports or clearly refuses any CSV-like file', async () => {
    const header = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('"', '""', '"a"b', 'Won', '2016-10-20', '-5', '=1+1'),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 10 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(row, { maxLength: 8 }), async (withHeader, rows) => {
        cases += 1;
        const text = `${withHeader ? `${header}\n` : ''}${rows.join('\n')}\n`;
        const sink = async () => undefined;
        try {
          await importDeals(Readable.from([Buffer.from(text)]), { now: '2026-11-30T09:00:00Z', sink });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).not.toMatch(looksLikeAStack);
          expect((error as Error).message).not.toMatch(/Invalid Opening Quote|CSV_/);
        }
      }),
      { numRuns: 1_500 },
    );
    expect(cases).toBeGreaterThanOrEqual(20_000);
  });
});
