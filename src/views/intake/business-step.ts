import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { isTimeZone } from '../../engines/time-zone.js';
import { MOTIONS, SALES_MODELS, SEGMENTS } from '../../engines/types.js';
import type { IntakeDraft } from './draft.js';
import { type Choice, plainNumber, selectInput, textInput } from './elements.js';
import { choice, field, money, type StateValues, text } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { parseStepValues, type StepResult, salvageStepValues } from './step-parse.js';
import { type StepContext, stepView } from './step-view.js';

/** Step 1 of the intake: the business and how it sells. */
export const BUSINESS_STEP_NAME = 'Business and model';
export const BUSINESS_FIELDS = [
  'business',
  'model',
  'dealSize',
  'segment',
  'motion',
  'timezone',
] as const satisfies readonly IntakeField[];

const MODEL_CHOICES: Choice[] = [
  { value: 'inside', text: 'Inside sales', description: 'Remote selling by phone, e-mail and video' },
  { value: 'field', text: 'Field sales', description: 'Face-to-face selling to larger accounts' },
  { value: 'hybrid', text: 'Hybrid', description: 'Inside for smaller deals, field for strategic ones' },
];
const SEGMENT_CHOICES: Choice[] = [
  { value: 'smb', text: 'SMB', description: 'Small businesses, up to ~200 employees' },
  { value: 'mid-market', text: 'Mid-market', description: '~200 to 2,000 employees' },
  { value: 'enterprise', text: 'Enterprise', description: 'Over ~2,000 employees' },
];
const MOTION_CHOICES: Choice[] = [
  { value: 'transactional', text: 'Transactional', description: 'Short cycle, one or two decision makers' },
  { value: 'consultative', text: 'Consultative', description: 'Discovery-led, solving a mapped problem' },
  { value: 'relationship', text: 'Relationship', description: 'Trust and repeat business over time' },
  { value: 'complex', text: 'Complex', description: 'Many stakeholders, long evaluation' },
];

/** Common IANA zones offered in the picker; a draft's own zone is added when it is not among them. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/New_York',
  'America/Toronto',
  'America/Mexico_City',
  'America/Bogota',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

function timeZoneChoices(current: string | undefined): Choice[] {
  const zones: string[] = [...COMMON_TIME_ZONES];
  // Slack refuses option values over 75 characters, so an unusual saved zone longer than that is not offered.
  if (current !== undefined && !zones.includes(current) && current.length <= 75 && isTimeZone(current))
    zones.unshift(current);
  return zones.map((zone) => ({ value: zone, text: zone.replaceAll('_', ' ') }));
}

/** Step 1's schema, keyed by input block id. */
export const businessStepSchema = z.object({
  [BLOCK_IDS.business]: field(text(120, 'the business name'), 'Enter the business name, such as Acme Corp'),
  [BLOCK_IDS.model]: field(
    choice(SALES_MODELS, 'Choose inside, field or hybrid'),
    'Choose how the team sells: inside, field or hybrid',
  ),
  [BLOCK_IDS.dealSize]: field(money('dealSize')),
  [BLOCK_IDS.segment]: field(choice(SEGMENTS, 'Choose SMB, mid-market or enterprise, or leave it empty')),
  [BLOCK_IDS.motion]: field(
    choice(MOTIONS, 'Choose transactional, consultative, relationship or complex, or leave it empty'),
  ),
  [BLOCK_IDS.timezone]: field((zone) =>
    isTimeZone(zone)
      ? { value: zone }
      : { error: 'Choose a time zone from the list, such as America/New_York' },
  ),
});

/** Builds step 1, pre-filled from the draft. */
export function buildBusinessStep(draft: IntakeDraft, ctx: StepContext): ModalView {
  return stepView(ctx, BUSINESS_STEP_NAME, [
    textInput('business', {
      initial: draft.business,
      maxLength: 120,
      placeholder: 'Acme Corp',
    }),
    selectInput('model', MODEL_CHOICES, { initial: draft.model, placeholder: 'Choose one' }),
    textInput('dealSize', {
      initial: plainNumber(draft.deal?.averageSize),
      optional: true,
      maxLength: 30,
      placeholder: '25000, 50k or $1.2m',
      hint: 'Leave empty to use a typical figure for your sales model.',
    }),
    selectInput('segment', SEGMENT_CHOICES, {
      initial: draft.deal?.segment,
      optional: true,
      hint: 'Leave empty to derive it from the deal size.',
    }),
    selectInput('motion', MOTION_CHOICES, { initial: draft.deal?.motion, optional: true }),
    selectInput('timezone', timeZoneChoices(draft.timezone), {
      initial: draft.timezone,
      optional: true,
      hint: 'Used for digests and follow-up reminders.',
    }),
  ]);
}

/** Parses step 1's `view.state.values` into a draft patch or inline errors. */
export function parseBusinessStep(values: StateValues): StepResult {
  return parseStepValues(businessStepSchema, BUSINESS_FIELDS, values);
}

/** Keeps step 1's valid inputs for a draft saved on Back or Close. */
export function salvageBusinessStep(values: StateValues): IntakeDraft {
  return salvageStepValues(businessStepSchema, BUSINESS_FIELDS, values);
}
