import { DEFAULT_SEQUENCE } from '../src/engines/optimizer/index.js';
import { reminderJobId } from '../src/jobs/ids.js';
import { JOB_NAMES } from '../src/jobs/queues.js';
import { REMINDER_LEAD_MS } from '../src/jobs/reminders.js';
import type { Enrolment } from '../src/store/enrolments.js';
import { ms, percentile, printTable, sized } from './support.js';
import { startRig, TEAM, until } from './workers.js';

const BUDGET_MS = 250;

/**
 * Reminders all due in the same second, each to its own rep (so Slack's per-channel pace adds nothing):
 * the delay from due to the DM reaching the stand-in, through the reminder and sender workers as deployed.
 */
export async function benchLateness(): Promise<void> {
  const count = sized(1000, 300);
  const rig = await startRig();
  try {
    const reps = Array.from({ length: count }, (_, i) => `U0LATE${String(i).padStart(5, '0')}`);
    for (const id of reps) rig.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
    const now = Date.now();
    const dueMs = Math.ceil((now + 5000) / 1000) * 1000;
    const enrolments: Enrolment[] = reps.map((ownerId, i) => ({
      id: `e${i.toString(16).padStart(12, '0')}`,
      teamId: TEAM,
      leadId: `c:lead-${i}`,
      leadName: `Lead ${i}`,
      ownerId,
      enrolledBy: ownerId,
      sequence: DEFAULT_SEQUENCE,
      timezone: 'UTC',
      startedAt: new Date(now).toISOString(),
      status: 'active',
      steps: DEFAULT_SEQUENCE.steps.map((step, index) => ({
        index,
        channel: step.channel,
        day: step.day,
        dueAt: new Date(dueMs + index * 86_400_000).toISOString(),
        state: 'scheduled' as const,
        round: 0,
      })),
    }));
    await rig.followups.enrolments.createMany(enrolments);
    await rig.queues.reminders.addBulk(
      enrolments.map((e) => ({
        name: JOB_NAMES.reminder,
        data: { teamId: TEAM, enrolmentId: e.id, step: 0 },
        // As scheduleRemindersOf files them: REMINDER_LEAD_MS before due, to read and render first.
        opts: { jobId: reminderJobId(TEAM, e.id, 0), delay: dueMs - REMINDER_LEAD_MS - now, timestamp: now },
      })),
    );
    await until(() => rig.slack.messages().length >= count, 300_000);
    const posts = rig.slack.calls('chat.postMessage').filter((c) => c.status === 200);
    const delays = posts.map((c) => c.at - dueMs);
    const perRep = new Map<string, number>();
    for (const m of rig.slack.messages()) perRep.set(m.channel, (perRep.get(m.channel) ?? 0) + 1);
    const p99 = percentile(delays, 99);
    // Each reminder goes to its own rep's DM, so the pace the stand-in imposes is one post per channel: 0 ms.
    const floor = BUDGET_MS;
    printTable(`Lateness (${count} reminders due in the same second)`, [
      {
        what: `p99 delay after due (p50 ${ms(percentile(delays, 50))}, max ${ms(Math.max(...delays))}); DMs: ${perRep.size} reps, ${rig.slack.messages().length} messages`,
        measured: ms(p99),
        floor: `${BUDGET_MS} ms + 0 ms pacing`,
        ratio: p99 / floor,
        target: '≤ 1.0× (250 ms + pacing)',
        holds: p99 <= floor && perRep.size === count,
      },
    ]);
  } finally {
    await rig.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLateness();
