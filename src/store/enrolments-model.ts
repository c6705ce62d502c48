import { createHash } from 'node:crypto';
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
  /** Older records carry the sequence itself; newer ones name it by id and version (see sequenceRef). */
  sequence: z.unknown().optional(),
  sequenceRef: z.object({ id: z.string(), version: z.string() }).optional(),
  timezone: z.string(),
  startedAt: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  endedAt: z.string().optional(),
  endedBy: z.string().optional(),
  steps: z.array(stepSchema),
});

export type EnrolmentStep = z.output<typeof stepSchema>;

/** A lead going through a sequence: the sequence as it was at enrolment, and each step's due time and state. */
export type Enrolment = Omit<z.output<typeof enrolmentSchema>, 'sequence' | 'sequenceRef'> & {
  sequence: Sequence;
};

/** The version of a sequence's content: a hash, so equal sequences share one stored version. */
export function sequenceVersion(sequence: Sequence): string {
  const known = versions.get(sequence);
  if (known !== undefined) return known;
  const version = createHash('sha256').update(JSON.stringify(sequence)).digest('base64url').slice(0, 16);
  versions.set(sequence, version);
  return version;
}

// Sequences are not mutated once read, so each object's version is worked out once.
const versions = new WeakMap<Sequence, string>();

/** Turns a stored record into an enrolment with `sequence` (or the one it names); throws when it does not validate. */
export function toEnrolment(record: z.output<typeof enrolmentSchema>, named?: unknown): Enrolment {
  const { sequenceRef: _ref, sequence, ...rest } = record;
  return { ...rest, sequence: parseSequence(sequence ?? named) };
}

/** The step a person sees as "Step N of M". */
export function stepLabel(enrolment: Enrolment, index: number): string {
  return `Step ${index + 1} of ${enrolment.steps.length}`;
}

/** True once every step is done or cancelled. */
export function allStepsFinished(enrolment: Enrolment): boolean {
  return enrolment.steps.every((s) => s.state === 'done' || s.state === 'cancelled');
}
