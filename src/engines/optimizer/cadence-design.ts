import type { Thresholds } from '../thresholds.js';
import type { Motion } from '../types.js';
import type { Channel } from './channels.js';
import { icpTemplate, kindFor, type TemplateContext, type TouchKind } from './icp-templates.js';
import type { Sequence, SequenceStep } from './sequence.js';
import { parseSequence } from './sequence-schema.js';

/** One touch of a pattern: its channel, its template and where it falls in the cadence (0 first day, 1 last). */
type Touch = [Channel, TouchKind, number];

/** Small, fast sales: the phone first, an e-mail and a text the same day, little spacing. */
const CALL_HEAVY: Touch[] = [
  ['call', 'opener-call', 0],
  ['email', 'missed-call-email', 0],
  ['sms', 'sms', 0.2],
  ['call', 'call', 0.2],
  ['call', 'call', 0.45],
  ['email', 'value-email', 0.45],
  ['sms', 'sms', 0.7],
  ['call', 'call', 0.7],
  ['email', 'follow-email', 0.85],
];

/** Product-led: the signup opens the conversation; e-mail first, a call once the product shows interest. */
const PRODUCT_LED: Touch[] = [
  ['email', 'opener-email', 0],
  ['call', 'call', 0.15],
  ['email', 'value-email', 0.35],
  ['sms', 'sms', 0.5],
  ['call', 'call', 0.6],
  ['email', 'trigger-email', 0.8],
  ['linkedin', 'linkedin', 0.9],
];

/** Consultative: e-mail, phone and LinkedIn in turn, a few days apart. */
const CONSULTATIVE: Touch[] = [
  ['email', 'opener-email', 0],
  ['call', 'call', 0.15],
  ['linkedin', 'linkedin', 0.15],
  ['email', 'value-email', 0.35],
  ['call', 'call', 0.5],
  ['email', 'trigger-email', 0.7],
  ['call', 'call', 0.85],
  ['email', 'follow-email', 0.9],
];

/** Complex enterprise: several people in the buying group, LinkedIn, and a note from the sender's executive. */
const MULTI_THREADED: Touch[] = [
  ['email', 'opener-email', 0],
  ['linkedin', 'linkedin', 0],
  ['call', 'call', 0.1],
  ['email', 'thread-email', 0.25],
  ['linkedin', 'linkedin', 0.35],
  ['call', 'call', 0.45],
  ['email', 'exec-email', 0.6],
  ['call', 'call', 0.75],
  ['email', 'trigger-email', 0.9],
];

export interface CadenceInput {
  motion: Motion;
  productLed: boolean;
  thresholds: Pick<Thresholds, 'cadenceDays' | 'touches'>;
  icp: { painPoints: readonly string[]; buyingTriggers: readonly string[] };
  enterprise: boolean;
}

function patternFor(input: CadenceInput): Touch[] {
  if (input.motion === 'complex' || input.enterprise) return MULTI_THREADED;
  if (input.motion === 'transactional') return input.productLed ? PRODUCT_LED : CALL_HEAVY;
  return CONSULTATIVE;
}

function context(input: CadenceInput): TemplateContext {
  return { ...input.icp, enterprise: input.enterprise, productLed: input.productLed };
}

/**
 * The first-touch cadence for a motion: `touches` steps (the last one a break-up, or for enterprise sales a
 * note that parks the lead until a buying trigger) spread over `cadenceDays` working days, several steps
 * sharing a day where the pattern says so, each with a template that quotes the ICP.
 */
export function designCadence(input: CadenceInput): Sequence {
  const { cadenceDays, touches } = input.thresholds;
  const pattern = patternFor(input).slice(0, Math.max(1, touches - 1));
  const dayAt = (at: number): number => 1 + Math.round(at * (cadenceDays - 1));
  const ctx = context(input);
  const count: Partial<Record<TouchKind, number>> = {};
  const steps: SequenceStep[] = pattern.map(([channel, kind, at]) => {
    const nth = count[kind] ?? 0;
    count[kind] = nth + 1;
    return { channel, day: dayAt(at), template: icpTemplate(kind, ctx, nth) };
  });
  steps.push({
    channel: 'breakup',
    day: cadenceDays,
    template: icpTemplate(input.enterprise ? 'park' : 'breakup', ctx),
  });
  return parseSequence({
    id: 'blueprint',
    name: `First touch (${steps.length} touches over ${cadenceDays} working days)`,
    steps,
  });
}

/** The intake's own cadence with templates written for its position and channel, quoting the ICP. */
export function templatesForCadence(
  cadence: readonly { channel: Channel; day: number }[],
  input: Pick<CadenceInput, 'icp' | 'enterprise' | 'productLed'>,
): { channel: Channel; day: number; template: ReturnType<typeof icpTemplate> }[] {
  const ctx: TemplateContext = { ...input.icp, enterprise: input.enterprise, productLed: input.productLed };
  const count: Partial<Record<TouchKind, number>> = {};
  return cadence.map(({ channel, day }, i) => {
    const kind = kindFor(channel, i, input.enterprise);
    const nth = count[kind] ?? 0;
    count[kind] = nth + 1;
    return { channel, day, template: icpTemplate(kind, ctx, nth) };
  });
}
