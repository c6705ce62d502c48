import { z } from 'zod';
import { CHANNEL_IDS } from '../engines/optimizer/index.js';
import {
  ENROLMENT_STATUSES,
  type Enrolment,
  type EnrolmentStep,
  type enrolmentSchema,
  STEP_STATES,
  type StepState,
  sequenceVersion,
} from './enrolments-model.js';

/**
 * The packed stored form of an enrolment (`v: 2`): one-letter field names, the sequence named as
 * `id@version`, and each step in one short string, so a pending reminder costs Redis a few dozen bytes of
 * enrolment instead of a few hundred. The team id is the key's, so it is not stored. Records written in the
 * older shape (long names, steps as objects) are still read (see enrolmentSchema).
 * Written by hand: the record is a handful of fixed fields, and no packing library is smaller than this.
 */

const STATE_CODE: Record<StepState, string> = { scheduled: 's', due: 'd', done: 'x', cancelled: 'c' };
const CODE_STATE = new Map(STEP_STATES.map((state) => [STATE_CODE[state], state]));

/** `index channel day dueAt` then state code, round and variant run together, then ` doneAt` when done. */
const STEP_PATTERN = /^(\d+) ([a-z_]+) (\d+) (\S+) ([sdxc])(\d+)([ab]?)(?: (\S+))?$/;

export const packedEnrolmentSchema = z.object({
  v: z.literal(2),
  i: z.string().regex(/^e[0-9a-f]{12}$/),
  x: z.string().optional(),
  l: z.string(),
  n: z.string(),
  o: z.string(),
  b: z.string(),
  /** `sequenceId@version`, a field of the team's sequence-versions hash. */
  q: z.string(),
  z: z.string(),
  s: z.string(),
  a: z.enum(ENROLMENT_STATUSES),
  e: z.string().optional(),
  y: z.string().optional(),
  p: z.array(z.string().regex(STEP_PATTERN, 'must be a packed step')),
});
export type PackedEnrolment = z.output<typeof packedEnrolmentSchema>;

/** The sequence-versions field an enrolment's sequence is kept under. */
export function sequenceField(enrolment: Pick<Enrolment, 'sequence'>): string {
  return `${enrolment.sequence.id}@${sequenceVersion(enrolment.sequence)}`;
}

function packStep(step: EnrolmentStep): string {
  for (const value of [step.dueAt, step.doneAt ?? '']) {
    if (/\s/.test(value)) throw new Error(`step ${step.index + 1} has a time with a space: "${value}"`);
  }
  const head = `${step.index} ${step.channel} ${step.day} ${step.dueAt} ${STATE_CODE[step.state]}${step.round}`;
  return `${head}${step.variant ?? ''}${step.doneAt === undefined ? '' : ` ${step.doneAt}`}`;
}

function unpackStep(packed: string): EnrolmentStep {
  const [, index, channel, day, dueAt, code, round, variant, doneAt] = STEP_PATTERN.exec(packed) ?? [];
  const state = CODE_STATE.get(code ?? '');
  const channelId = CHANNEL_IDS.find((c) => c === channel);
  if (state === undefined || channelId === undefined || dueAt === undefined) {
    throw new Error(`"${packed}" is not a packed step`);
  }
  return {
    index: Number(index),
    channel: channelId,
    day: Number(day),
    dueAt,
    state,
    round: Number(round),
    ...(variant === 'a' || variant === 'b' ? { variant } : {}),
    ...(doneAt === undefined ? {} : { doneAt }),
  };
}

/** The packed JSON of an enrolment. */
export function packEnrolment(enrolment: Enrolment): string {
  const packed: PackedEnrolment = {
    v: 2,
    i: enrolment.id,
    ...(enrolment.enterpriseId === undefined ? {} : { x: enrolment.enterpriseId }),
    l: enrolment.leadId,
    n: enrolment.leadName,
    o: enrolment.ownerId,
    b: enrolment.enrolledBy,
    q: sequenceField(enrolment),
    z: enrolment.timezone,
    s: enrolment.startedAt,
    a: enrolment.status,
    ...(enrolment.endedAt === undefined ? {} : { e: enrolment.endedAt }),
    ...(enrolment.endedBy === undefined ? {} : { y: enrolment.endedBy }),
    p: enrolment.steps.map(packStep),
  };
  return JSON.stringify(packed);
}

/** The sequence a packed record names, as the older shape's `sequenceRef`. */
export function packedSequenceRef(packed: PackedEnrolment): { id: string; version: string } {
  const at = packed.q.lastIndexOf('@');
  return { id: packed.q.slice(0, at), version: packed.q.slice(at + 1) };
}

/** A packed record in the older record shape (with `sequenceRef`), for toEnrolment. */
export function unpackEnrolment(teamId: string, packed: PackedEnrolment): z.output<typeof enrolmentSchema> {
  return {
    id: packed.i,
    teamId,
    ...(packed.x === undefined ? {} : { enterpriseId: packed.x }),
    leadId: packed.l,
    leadName: packed.n,
    ownerId: packed.o,
    enrolledBy: packed.b,
    sequenceRef: packedSequenceRef(packed),
    timezone: packed.z,
    startedAt: packed.s,
    status: packed.a,
    ...(packed.e === undefined ? {} : { endedAt: packed.e }),
    ...(packed.y === undefined ? {} : { endedBy: packed.y }),
    steps: packed.p.map(unpackStep),
  };
}
