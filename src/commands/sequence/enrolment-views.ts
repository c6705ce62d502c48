import { DateTime } from 'luxon';
import type { FollowupItem } from '../../blocks/followups-home.js';
import type { EnrolmentView } from '../../blocks/sequence-list.js';
import type { Enrolment, EnrolmentStep } from '../../store/enrolments.js';

/** A step still to come: a reminder waits, or it went out and the rep has not acted yet. */
const isOpen = (step: EnrolmentStep) => step.state === 'scheduled' || step.state === 'due';

/** What the sequence list and the enrolment reply show of a stored enrolment. */
export function enrolmentView(e: Enrolment): EnrolmentView {
  return {
    id: e.id,
    leadName: e.leadName,
    sequenceName: e.sequence.name,
    ownerId: e.ownerId,
    timezone: e.timezone,
    steps: e.steps.map((s) => ({
      index: s.index,
      channel: s.channel,
      day: s.day,
      dueAt: s.dueAt,
      ...(s.variant ? { variant: s.variant } : {}),
      open: isOpen(s),
    })),
  };
}

/** The rep's open steps due before the end of their today, split into overdue (before today) and today. */
export function dueFollowups(
  enrolments: readonly Enrolment[],
  now: Date,
  zone: string,
): { overdue: FollowupItem[]; today: FollowupItem[] } {
  const local = DateTime.fromJSDate(now, { zone });
  const startOfToday = local.startOf('day').toMillis();
  const endOfToday = local.endOf('day').toMillis();
  const overdue: FollowupItem[] = [];
  const today: FollowupItem[] = [];
  for (const e of enrolments) {
    if (e.status !== 'active') continue;
    for (const s of e.steps) {
      if (!isOpen(s)) continue;
      const due = Date.parse(s.dueAt);
      if (due > endOfToday) continue;
      const item = {
        leadName: e.leadName,
        step: s.index,
        stepCount: e.steps.length,
        channel: s.channel,
        dueAt: s.dueAt,
      };
      (due < startOfToday ? overdue : today).push(item);
    }
  }
  const byDue = (a: FollowupItem, b: FollowupItem) => a.dueAt.localeCompare(b.dueAt);
  return { overdue: overdue.sort(byDue), today: today.sort(byDue) };
}
