import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { truncate } from '../../blocks/format.js';
import { parseMoney } from '../../engines/money.js';
import type { Quality } from '../../engines/types.js';
import type { IntakeDraft } from './draft.js';
import { plainNumber, textInput } from './elements.js';
import { type Converted, field, type StateValues } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { parseStepValues, type StepResult, salvageStepValues } from './step-parse.js';
import { type StepContext, stepView } from './step-view.js';

/**
 * Step 3 of the intake: lead sources, one per line as `name | volume per month | quality | CAC`.
 * One multiline input beats six rows of four inputs in Slack: it fits on a phone, takes a paste from a
 * spreadsheet (tabs work as separators too), and each line's problem is named in a single inline error.
 */
export const LEAD_SOURCES_STEP_NAME = 'Lead sources';
export const LEAD_SOURCES_FIELDS = ['leadSources'] as const satisfies readonly IntakeField[];
export const MAX_LEAD_SOURCES = 6;

const NAME_MAX = 80;
const SHOWN_PROBLEMS = 3;
const FORMAT = 'name | volume per month | quality | CAC, such as "Webinars | 90 | low | $150"';
const QUALITY_WORDS: Record<string, Quality> = { high: 'high', medium: 'medium', med: 'medium', low: 'low' };

/** One parsed lead-source line, in the intake's shape. */
export interface LeadSource {
  name: string;
  volumePerMonth: number;
  quality: Quality;
  cac: number;
}

function parseLine(line: string): Converted<LeadSource> {
  const cells = line.split(/\||\t/).map((c) => c.trim());
  const [name = '', volume = '', quality = '', cac = ''] = cells;
  if (cells.length > 4) return { error: `has ${cells.length} parts; write ${FORMAT}` };
  const missing = [
    ['name', name],
    ['volume per month', volume],
    ['quality', quality],
    ['CAC', cac],
  ].filter(([, cell]) => cell === '');
  if (missing.length > 0)
    return { error: `is missing the ${missing.map(([what]) => what).join(', ')}; write ${FORMAT}` };
  if (name.length > NAME_MAX) return { error: `has a name over ${NAME_MAX} characters; shorten it` };
  const count = parseMoney(volume.replace(/\s*\/\s*mo(nth)?$/i, ''))?.amount;
  if (count === undefined || !Number.isInteger(count) || count < 0)
    return {
      error: `needs the volume per month as a whole number of 0 or more, such as 90 (got "${volume}")`,
    };
  const level = QUALITY_WORDS[quality.toLowerCase()];
  if (level === undefined) return { error: `needs the quality as high, medium or low (got "${quality}")` };
  const amount = parseMoney(cac)?.amount;
  if (amount === undefined || amount < 0)
    return { error: `needs the CAC as an amount of 0 or more, such as $150 or 1.2k (got "${cac}")` };
  return { value: { name, volumePerMonth: count, quality: level, cac: amount } };
}

/** Parses the lead-source lines, naming each bad line (`Line 2 ("Webinars") is missing the CAC…`). */
export function parseLeadSourceLines(text: string): Converted<LeadSource[]> {
  const sources: LeadSource[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    const first = line.split(/\||\t/)[0]?.trim() ?? '';
    const label = first === '' ? `Line ${index + 1}` : `Line ${index + 1} ("${truncate(first, 30)}")`;
    if ('error' in parsed) problems.push(`${label} ${parsed.error}`);
    else sources.push(parsed.value);
  });
  if (problems.length > 0) {
    const more = problems.length - SHOWN_PROBLEMS;
    return { error: problems.slice(0, SHOWN_PROBLEMS).join('. ') + (more > 0 ? `. And ${more} more.` : '.') };
  }
  if (sources.length > MAX_LEAD_SOURCES)
    return {
      error: `List at most ${MAX_LEAD_SOURCES} lead sources (there are ${sources.length}); merge the smallest into "Other"`,
    };
  return { value: sources };
}

/** Writes lead sources back as lines for pre-filling; a `|` or line break in a name is replaced so the line still parses. */
export function formatLeadSourceLines(sources: IntakeDraft['leadSources']): string | undefined {
  if (sources === undefined || sources.length === 0) return undefined;
  return sources
    .map((s) =>
      [
        s.name.replaceAll('|', '/').replace(/\s*[\r\n\t]+\s*/g, ' '),
        plainNumber(s.volumePerMonth),
        s.quality,
        plainNumber(s.cac),
      ].join(' | '),
    )
    .join('\n');
}

/** Step 3's schema, keyed by input block id. */
export const leadSourcesStepSchema = z.object({
  [BLOCK_IDS.leadSources]: field(parseLeadSourceLines, undefined, true),
});

/** Builds step 3, pre-filled from the draft. */
export function buildLeadSourcesStep(draft: IntakeDraft, ctx: StepContext): ModalView {
  return stepView(
    ctx,
    LEAD_SOURCES_STEP_NAME,
    [
      textInput('leadSources', {
        initial: formatLeadSourceLines(draft.leadSources),
        optional: true,
        multiline: true,
        placeholder: 'Inbound demo requests | 140 | high | $180',
        hint: `Up to ${MAX_LEAD_SOURCES} lines: name | volume per month | quality (high, medium, low) | cost per acquired customer.`,
      }),
    ],
    `Where do your leads come from? One source per line, up to ${MAX_LEAD_SOURCES}. Leave it empty to start from typical sources.`,
  );
}

/** Parses step 3's `view.state.values` into a draft patch or inline errors. */
export function parseLeadSourcesStep(values: StateValues): StepResult {
  return parseStepValues(leadSourcesStepSchema, LEAD_SOURCES_FIELDS, values);
}

/** Keeps step 3's input for a draft saved on Back or Close when every line is valid. */
export function salvageLeadSourcesStep(values: StateValues): IntakeDraft {
  return salvageStepValues(leadSourcesStepSchema, LEAD_SOURCES_FIELDS, values);
}
