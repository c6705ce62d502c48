import { z } from 'zod';

const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Slack id');

/** A run of the team's alert rules: after an import (its id) or the daily scheduler. No token rides along. */
export const alertsJobSchema = z.strictObject({
  teamId: slackId,
  enterpriseId: slackId.optional(),
  trigger: z.enum(['import', 'daily']),
});
export type AlertsJobData = z.output<typeof alertsJobSchema>;

/** One person's (or the alert channel's) alerts falling due on their local day. */
export const alertFlushJobSchema = z.strictObject({
  teamId: slackId,
  enterpriseId: slackId.optional(),
  recipient: slackId,
  tz: z.string().min(1).max(64),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date'),
});
export type AlertFlushJobData = z.output<typeof alertFlushJobSchema>;

/** The daily scheduler of one team's alerts. */
export function alertsSchedulerId(teamId: string): string {
  return `alerts-${teamId}`;
}

/** The run after one import: the same import never runs its alerts twice. */
export function alertsImportJobId(teamId: string, importId: string): string {
  return `alerts-${teamId}-imp-${importId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The flush of one recipient's alerts on one local day. */
export function alertFlushJobId(teamId: string, recipient: string, day: string): string {
  return `alflush-${teamId}-${recipient}-${day}`;
}

/** The delivery key of one recipient's alert message of one local day: one message a day. */
export function alertDayKey(teamId: string, recipient: string, day: string): string {
  return `alday-${teamId}-${recipient}-${day}`;
}
