import { z } from 'zod';
import { InputError, problemsFromZod } from '../../errors.js';
import { CHANNEL_IDS, CHANNELS, LINKEDIN_NOTE_LIMIT, SMS_LIMIT, type Template } from './channels.js';
import type { Sequence, SequenceStep } from './sequence.js';
import { templateProblems } from './template.js';

export const MAX_STEPS = 12;
export const MAX_DAY = 365;

const templateSchema = z.strictObject({
  subject: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty; write a subject line')
    .max(150, 'must be at most 150 characters; short subject lines get opened')
    .optional(),
  body: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty; write what the rep sends or says')
    .max(5000, 'must be at most 5000 characters; split it into two steps'),
});

type TemplatePath = (string | number)[];
type Ctx = z.RefinementCtx;

const stepBase = z.strictObject({
  channel: z.enum(CHANNEL_IDS, { message: `must be one of ${CHANNEL_IDS.join(', ')}` }),
  day: z
    .number({ message: 'must be a day number such as 4' })
    .int('must be a whole number of days')
    .min(1, 'must be day 1 or later')
    .max(MAX_DAY, `must be day ${MAX_DAY} or earlier`),
  template: templateSchema,
  variants: z.strictObject({ a: templateSchema, b: templateSchema }).optional(),
});

function checkTemplate(
  step: z.output<typeof stepBase>,
  path: TemplatePath,
  template: z.output<typeof templateSchema>,
  ctx: Ctx,
): void {
  const needsSubject = CHANNELS[step.channel].subject;
  if (needsSubject && template.subject === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'subject'],
      message: `is required for ${step.channel} steps`,
    });
  }
  if (!needsSubject && template.subject !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'subject'],
      message: `${step.channel} steps have no subject line; remove it`,
    });
  }
  if (step.channel === 'linkedin' && template.body.length > LINKEDIN_NOTE_LIMIT) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'body'],
      message: `is ${template.body.length} characters; LinkedIn notes allow ${LINKEDIN_NOTE_LIMIT}, so shorten it`,
    });
  }
  if (step.channel === 'sms' && template.body.length > SMS_LIMIT) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'body'],
      message: `is ${template.body.length} characters; text messages allow ${SMS_LIMIT} (two SMS), so shorten it`,
    });
  }
  for (const field of ['subject', 'body'] as const) {
    for (const message of templateProblems(template[field] ?? '')) {
      ctx.addIssue({ code: 'custom', path: [...path, field], message });
    }
  }
}

const stepSchema = stepBase.superRefine((step, ctx) => {
  checkTemplate(step, ['template'], step.template, ctx);
  if (step.variants) {
    checkTemplate(step, ['variants', 'a'], step.variants.a, ctx);
    checkTemplate(step, ['variants', 'b'], step.variants.b, ctx);
  }
});

/** An edited follow-up sequence: 1–12 steps on days 1–365 that never go back (several may share a day). */
export const sequenceSchema = z
  .strictObject({
    id: z
      .string({ message: 'must be text' })
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}$/,
        'must be lower-case letters, digits and dashes, such as "outbound-q3"',
      ),
    name: z
      .string({ message: 'must be text' })
      .trim()
      .min(1, 'must not be empty; name the sequence, such as "Outbound Q3"')
      .max(80, 'must be at most 80 characters'),
    steps: z
      .array(stepSchema, { message: 'must be a list of steps' })
      .min(1, 'needs at least one step, such as an email on day 2')
      .max(MAX_STEPS, `has more than ${MAX_STEPS} steps; merge or drop some, longer cadences mostly annoy`),
  })
  .superRefine((sequence, ctx) => {
    sequence.steps.forEach((step, i) => {
      const previous = sequence.steps[i - 1];
      if (previous && step.day < previous.day) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'day'],
          message: `must come after step ${i}'s day ${previous.day} or on the same day; days must not go back, such as 2, 2, 4`,
        });
      }
    });
  });

function cleanTemplate(t: z.output<typeof templateSchema>): Template {
  return t.subject === undefined ? { body: t.body } : { subject: t.subject, body: t.body };
}

/** Validates an edited sequence; throws InputError with one problem per mistake, paths like `steps[2].day`. */
export function parseSequence(raw: unknown): Sequence {
  const parsed = sequenceSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(problemsFromZod(parsed.error));
  const steps = parsed.data.steps.map((s): SequenceStep => {
    const step: SequenceStep = { channel: s.channel, day: s.day, template: cleanTemplate(s.template) };
    if (s.variants) step.variants = { a: cleanTemplate(s.variants.a), b: cleanTemplate(s.variants.b) };
    return step;
  });
  return { id: parsed.data.id, name: parsed.data.name, steps };
}
