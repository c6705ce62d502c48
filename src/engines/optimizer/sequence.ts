import { InputError } from '../../errors.js';
import type { Design } from '../design.js';
import { assignVariant, type Variant } from './assign-variant.js';
import { CHANNELS, type Channel, type Template } from './channels.js';
import { defaultTemplate, firstTouchTemplate } from './default-templates.js';
import { parseSequence } from './sequence-schema.js';

export interface SequenceStep {
  channel: Channel;
  /** Working days after enrolment, see scheduleSteps. */
  day: number;
  template: Template;
  /** Two versions under A/B test; each lead always gets the same one (assignVariant). */
  variants?: { a: Template; b: Template };
}

export interface Sequence {
  id: string;
  name: string;
  steps: SequenceStep[];
}

/** The seed's cadence: no response → Email day 2, Call day 4, Email day 7, LinkedIn day 10, Break-up day 14. */
export const DEFAULT_CADENCE: readonly { channel: Channel; day: number }[] = [
  { channel: 'email', day: 2 },
  { channel: 'call', day: 4 },
  { channel: 'email', day: 7 },
  { channel: 'linkedin', day: 10 },
  { channel: 'breakup', day: 14 },
];

function withDefaultTemplates(cadence: readonly { channel: Channel; day: number }[]): SequenceStep[] {
  const used: Partial<Record<Channel, number>> = {};
  return cadence.map(({ channel, day }, position) => {
    if (position === 0) return { channel, day, template: firstTouchTemplate(channel) };
    const index = used[channel] ?? 0;
    used[channel] = index + 1;
    return { channel, day, template: defaultTemplate(channel, index) };
  });
}

export const DEFAULT_SEQUENCE: Sequence = {
  id: 'default',
  name: 'Default follow-up (5 touches over 14 working days)',
  steps: withDefaultTemplates(DEFAULT_CADENCE),
};

/**
 * The sequence an intake asks for, with the default template of each channel; without one, the default.
 * Problems are reported on the intake's own paths, such as `sequence[2].day`.
 */
export function sequenceFromIntake(
  cadence?: readonly { channel: Channel; day: number }[],
  write: (cadence: readonly { channel: Channel; day: number }[]) => SequenceStep[] = withDefaultTemplates,
): Sequence {
  if (cadence === undefined) return DEFAULT_SEQUENCE;
  try {
    return parseSequence({
      id: 'intake',
      name: 'Follow-up from intake',
      steps: write(cadence),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.problems.map((p) => ({ ...p, path: p.path.replace(/^steps/, 'sequence') })));
  }
}

/** The follow-up box of the blueprint: steps numbered from 1 with their channel label, day and template. */
export function followUpSummary(sequence: Sequence): Design['followUp'] {
  return {
    steps: sequence.steps.map((step, i) => ({
      step: i + 1,
      channel: CHANNELS[step.channel].label,
      day: step.day,
      template: { ...step.template },
    })),
  };
}

/** The key a step's A/B assignment hashes on: stable while the sequence keeps its id and step order. */
export function stepKey(sequence: Sequence, index: number): string {
  return `${sequence.id}#${index + 1}`;
}

/** The template a lead receives at a step, and its variant when the step is under A/B test. */
export function templateFor(
  sequence: Sequence,
  index: number,
  leadId: string,
): { template: Template; variant?: Variant } {
  const step = sequence.steps[index];
  if (step === undefined) {
    throw new InputError([{ path: 'step', message: `must be 1 to ${sequence.steps.length}` }]);
  }
  if (step.variants === undefined) return { template: step.template };
  const variant = assignVariant(leadId, stepKey(sequence, index));
  return { template: step.variants[variant], variant };
}
