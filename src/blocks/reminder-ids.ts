/** Action ids of the reminder DM's buttons; each button's value is `enrolmentId:stepIndex`. */
export const REMINDER_ACTIONS = {
  done: 'reminder_done',
  snooze: 'reminder_snooze',
  replied: 'reminder_replied',
  stop: 'reminder_stop',
} as const;

/** The metadata event type every delivered reminder carries, with `{ key }` as its payload. */
export const DELIVERY_EVENT_TYPE = 'sales_ops_delivery';

/** The value of a reminder button: which enrolment and which step (0-based). */
export function reminderValue(enrolmentId: string, step: number): string {
  return `${enrolmentId}:${step}`;
}

/** Reads a reminder button's value; undefined when it is not one. */
export function parseReminderValue(
  value: string | undefined,
): { enrolmentId: string; step: number } | undefined {
  const match = /^(e[0-9a-f]{12}):(\d{1,2})$/.exec(value ?? '');
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { enrolmentId: match[1], step: Number(match[2]) };
}
