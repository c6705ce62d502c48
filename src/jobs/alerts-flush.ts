import { type AlertItem, renderAlertDay, renderAlertSummary } from '../blocks/alerts.js';
import {
  type Alert,
  batchKey,
  coalesce,
  localDay,
  nextDaySendTime,
  type QuietHours,
  sendTime,
} from '../engines/alerts/index.js';
import type { Store } from '../store/index.js';
import { type AlertFlushJobData, alertDayKey, alertFlushJobId } from './alerts-job.js';
import type { Followups } from './followups.js';
import { postJobId } from './ids.js';
import { JOB_NAMES, QUEUE_NAMES } from './queues.js';
import { enqueuePost } from './sender.js';

const DAY_SECONDS = 24 * 3600;
/** Flush jobs retry a few times; finished ones are kept a few days, so a day's flush is added only once. */
const FLUSH_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 3 * DAY_SECONDS },
  removeOnFail: { age: 30 * DAY_SECONDS },
} as const;

/** The deal's page in the CRM from the team's record link (`…/{id}`), or nothing without one. */
export function crmLink(template: string | undefined): (dealId: string) => string | undefined {
  if (template === undefined) return () => undefined;
  return (dealId) => template.replace(/\{id\}|%7Bid%7D/g, encodeURIComponent(dealId));
}

/** An alert as a message shows it. */
export function alertItem(alert: Alert, link: (dealId: string) => string | undefined): AlertItem {
  return {
    rule: alert.rule,
    dealId: alert.dealId,
    account: alert.account,
    stage: alert.stage,
    amount: alert.amount,
    text: alert.text,
    crmUrl: link(alert.dealId),
    owner: alert.owner,
  };
}

type FlushDeps = Pick<Followups, 'queues' | 'jobIndex' | 'deliveries' | 'pace'>;

/** Whether the recipient's message of that day was already handed to the sender (or sent). */
async function dayUsed(f: FlushDeps, teamId: string, recipient: string, day: string): Promise<boolean> {
  const key = alertDayKey(teamId, recipient, day);
  if ((await f.deliveries.get(teamId, key)) !== undefined) return true;
  return (await f.queues.sender.getJob(postJobId(key))) !== undefined;
}

/**
 * Files the recipient's flush at their next send time (now, or when quiet hours end, in their zone), or
 * the next morning when today's message already went. One flush job per recipient and local day: adding it
 * again while it waits is a no-op, so alerts raised through the day join the same message.
 */
export async function scheduleFlush(
  f: FlushDeps,
  input: {
    teamId: string;
    enterpriseId?: string | undefined;
    recipient: string;
    tz: string;
    now: Date;
    quiet?: QuietHours | undefined;
  },
): Promise<{ jobId: string; at: string }> {
  const { teamId, recipient, tz } = input;
  let at = sendTime(input.now.toISOString(), tz, input.quiet);
  if (await dayUsed(f, teamId, recipient, localDay(at, tz))) at = nextDaySendTime(at, tz, input.quiet);
  const day = localDay(at, tz);
  const jobId = alertFlushJobId(teamId, recipient, day);
  const data: AlertFlushJobData = {
    teamId,
    ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    recipient,
    tz,
    day,
  };
  await f.jobIndex.add(teamId, QUEUE_NAMES.reminders, [jobId]);
  await f.queues.reminders.add(JOB_NAMES.alertFlush, data, {
    ...FLUSH_JOB_OPTIONS,
    jobId,
    delay: Math.max(0, Date.parse(at) - Date.now()),
  });
  return { jobId, at };
}

export interface FlushDepsFull {
  store: Pick<Store, 'alerts'>;
  followups: FlushDeps;
  now?: () => Date;
}

export type AlertFlushResult =
  | { status: 'sent'; key: string; alerts: number; kind: 'list' | 'summary' }
  | { status: 'nothing-pending' }
  | { status: 'moved'; to: string };

/**
 * A recipient's alerts fell due: everything pending goes out as one message under the day's delivery
 * key (a list, or above 50 a summary of the top 10 with "Show all"), then leaves the pending list. A
 * second flush on a day already used moves the alerts to the next morning instead.
 */
export async function processAlertFlush(
  data: AlertFlushJobData,
  deps: FlushDepsFull,
): Promise<AlertFlushResult> {
  const { teamId, recipient, day } = data;
  const pending = await deps.store.alerts.pending(teamId, recipient);
  if (pending.length === 0) return { status: 'nothing-pending' };
  const settings = await deps.store.alerts.settings(teamId);
  if (await dayUsed(deps.followups, teamId, recipient, day)) {
    const now = deps.now?.() ?? new Date();
    const next = await scheduleFlush(deps.followups, { ...data, now, quiet: settings.quietHours });
    return { status: 'moved', to: next.jobId };
  }
  const link = crmLink(settings.recordUrl);
  const message = coalesce(pending);
  const key = alertDayKey(teamId, recipient, day);
  let rendered: { text: string; blocks: unknown[] };
  if (message.kind === 'list') {
    rendered = renderAlertDay({ items: message.alerts.map((a) => alertItem(a, link)), dayLabel: day });
  } else {
    const batch = batchKey(
      `alsum-${teamId}`,
      pending.map((a) => a.key),
    );
    await deps.store.alerts.saveBatch(teamId, batch, [...message.top, ...message.rest]);
    rendered = renderAlertSummary({
      top: message.top.map((a) => alertItem(a, link)),
      total: message.total,
      dayLabel: day,
      batchKey: batch,
    });
  }
  await enqueuePost(deps.followups, {
    teamId,
    ...(data.enterpriseId ? { enterpriseId: data.enterpriseId } : {}),
    channel: recipient,
    deliveryKey: key,
    text: rendered.text,
    blocks: rendered.blocks as { type: string }[],
  });
  await deps.store.alerts.dropPending(
    teamId,
    recipient,
    pending.map((a) => a.key),
  );
  return { status: 'sent', key, alerts: pending.length, kind: message.kind };
}
