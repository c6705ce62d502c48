import { createHash } from 'node:crypto';

/**
 * Job ids and delivery keys. BullMQ discourages `:` in custom ids and refuses all-digit ones, so every id
 * starts with a word and joins its parts with `-`.
 */

/** The reminder job of one enrolment step (0-based index), the same on every call. */
export function reminderJobId(teamId: string, enrolmentId: string, index: number): string {
  return `rem-${teamId}-${enrolmentId}-s${index + 1}`;
}

/** The delivery of one round of a step: each snooze starts a new round, which is a new DM. */
export function deliveryKey(teamId: string, enrolmentId: string, index: number, round: number): string {
  return `${reminderJobId(teamId, enrolmentId, index)}-r${round}`;
}

/** The sender job that posts one delivery; adding it twice is a no-op while the first is kept. */
export function postJobId(key: string): string {
  return `post-${key}`;
}

/** The sender job that posts a batch of deliveries: named by their keys, so adding it twice is a no-op too. */
export function postBatchJobId(keys: readonly string[]): string {
  return `post-batch-${createHash('sha1').update(keys.join('\n')).digest('hex').slice(0, 24)}`;
}
