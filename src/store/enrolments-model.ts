import { z } from 'zod';
import { CHANNEL_IDS, parseSequence, type Sequence } from '../engines/optimizer/index.js';

export const ENROLMENT_STATUSES = ['active', 'replied', 'stopped', 'completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** scheduled: a reminder job waits; due: the reminder went out, the rep has not acted; done; cancelled. */
export const STEP_STATES = ['scheduled', 'due', 'done', 'cancelled'] as const;
export type StepState = (typeof STEP_STATES)[number];

const stepSchema = z.object({
  /** 0-based position in the sequence. */
  index: z.number().int().min(0),
  channel: z.enum(CHANNEL_IDS),
  day: z.number().int().min(0),
  /** ISO instant in UTC. */
  dueAt: z.string(),
  state: z.enum(STEP_STATES),
  /** How many times the step was snoozed; each round is a separate delivery. */
  round: z.number().int().min(0),
  variant: z.enum(['a', 'b']).optional(),
  doneAt: z.string().optional(),
});

/** The stored shape; the sequence is kept as plain JSON here and checked with parseSequence. */
export const enrolmentSchema = z.object({
  id: z.string().regex(/^e[0-9a-f]{12}$/),
  teamId: z.string(),
  /** Set for org-wide installs, to find the bot token. */
  enterpriseId: z.string().optional(),
  leadId: z.string(),
  leadName: z.string(),
  /** The rep the reminders go to. */
  ownerId: z.string(),
  enrolledBy: z.string(),
  sequence: z.unknown(),
  timezone: z.string(),
  startedAt: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  endedAt: z.string().optional(),
  endedBy: z.string().optional(),
  steps: z.array(stepSchema),
});

export type EnrolmentStep = z.output<typeof stepSchema>;

/** A lead going through a sequence: a snapshot of the sequence, and each step's due time and state. */
export type Enrolment = Omit<z.output<typeof enrolmentSchema>, 'sequence'> & { sequence: Sequence };

/** Turns a stored record into an enrolment; throws when the sequence snapshot no longer validates. */
export function toEnrolment(record: z.output<typeof enrolmentSchema>): Enrolment {
  return { ...record, sequence: parseSequence(record.sequence) };
}

/** The step a person sees as "Step N of M". */
export function stepLabel(enrolment: Enrolment, index: number): string {
  return `Step ${index + 1} of ${enrolment.steps.length}`;
}

/** True once every step is done or cancelled. */
export function allStepsFinished(enrolment: Enrolment): boolean {
  return enrolment.steps.every((s) => s.state === 'done' || s.state === 'cancelled');
}
