import { z } from 'zod';
import { ALERT_RULES, type Alert, type AppStageMove, type DealSnapshot } from '../engines/alerts/index.js';
import type { Keys } from './keys.js';

const text = z.string().min(1);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 18:00');
const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/, 'must be a Slack id');

/** A team's alert settings: where unmatched owners' alerts go, the quiet hours and the rules turned off. */
export const alertSettingsSchema = z.strictObject({
  channel: slackId.optional(),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).optional(),
  disabled: z.array(z.enum(ALERT_RULES)).default([]),
  /** A link to a deal in the CRM with `{id}` for the deal id, e.g. `https://app.hubspot.com/contacts/123/deal/{id}`. */
  recordUrl: z
    .url({ protocol: /^https$/ })
    .refine((u) => u.includes('%7Bid%7D') || u.includes('{id}'), 'must contain {id}')
    .optional(),
});
export type AlertSettings = z.output<typeof alertSettingsSchema>;

export const alertSchema = z.object({
  key: text,
  rule: z.enum(ALERT_RULES),
  dealId: text,
  owner: text.exactOptional(),
  account: text.exactOptional(),
  stage: text,
  amount: z.number().exactOptional(),
  state: z.string(),
  text: text,
  toChannel: z.boolean(),
}) satisfies z.ZodType<Alert>;

export const snapshotSchema = z.record(
  z.string(),
  z.object({
    stage: text,
    status: z.enum(['open', 'won', 'lost']),
    amount: z.number().exactOptional(),
    closeDate: text.exactOptional(),
  }),
) satisfies z.ZodType<DealSnapshot>;

/** What a worker needs to restore a team's daily run. */
export const alertTeamSchema = z.strictObject({
  teamId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  enterpriseId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .exactOptional(),
});
export type AlertTeam = z.output<typeof alertTeamSchema>;

/** A qualify move that skipped a stage or left one without its exit criteria, kept for the next alert run. */
export const appMoveSchema = z.object({
  leadId: text,
  company: text,
  ownerId: text,
  from: text.optional(),
  stage: text,
  at: z.iso.datetime(),
  exitCriteriaMet: z.boolean(),
  unmet: z.array(z.string()),
  skipped: z.array(z.string()).optional(),
  amount: z.number().optional(),
}) satisfies z.ZodType<AppStageMove>;

/** How long a recorded move waits for an alert run; the daily run reads it long before. */
export const APP_MOVE_DAYS = 30;

const part = (value: string) => encodeURIComponent(value);

/** Every alert key of a team, under its hash tag: `so:{T123}:alerts:…`. */
export function alertKeys(keys: Keys) {
  const a = keys.alerts;
  return {
    /** JSON of the team's alert settings. */
    settings: (teamId: string) => a(teamId, 'settings'),
    /** Hash of owner as imported (normalised) → Slack user id, set by an admin. */
    mappings: (teamId: string) => a(teamId, 'mappings'),
    /** Set of `rule|deal` muted for good. */
    mutes: (teamId: string) => a(teamId, 'mutes'),
    /** Hash of `rule|deal` → ISO moment the snooze ends. */
    snoozes: (teamId: string) => a(teamId, 'snoozes'),
    /** Hash of rep (owner as imported, or a Slack user id) → quarterly quota. */
    quotas: (teamId: string) => a(teamId, 'quotas'),
    /** JSON of the deals as the last import left them. */
    snapshot: (teamId: string) => a(teamId, 'snapshot'),
    /** Set of alert keys already raised: the same state never alerts twice. */
    raised: (teamId: string) => a(teamId, 'raised'),
    /** Set of owners already listed as unmatched. */
    unmatched: (teamId: string) => a(teamId, 'unmatched'),
    /** Hash of alert key → alert JSON waiting for one recipient's next message. */
    pending: (teamId: string, recipient: string) => a(teamId, 'pending', part(recipient)),
    /** JSON list of the alerts one summary message stood for, for its "Show all" button. */
    batch: (teamId: string, batchKey: string) => a(teamId, 'batch', part(batchKey)),
    /** Set of recipients with pending alerts. */
    pendingIndex: (teamId: string) => a(teamId, 'pending-recipients'),
    /** Hash of recipient with pending alerts → the time zone their message goes out in. */
    pendingZones: (teamId: string) => a(teamId, 'pending-zones'),
    /** Sorted set of qualify moves that skipped a stage or missed exit criteria (JSON), scored by time (ms). */
    moves: (teamId: string) => a(teamId, 'moves'),
    /** JSON of the team's daily run (its enterprise, if any): present while the alerts run daily. */
    daily: (teamId: string) => a(teamId, 'daily'),
  };
}

/** The field of a mute or snooze: one rule of one deal. */
export const ruleOfDeal = (rule: string, dealId: string) => `${rule}|${dealId}`;
