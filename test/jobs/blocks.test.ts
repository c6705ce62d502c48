import { describe, expect, it } from 'vitest';
import { followupsHomeBlocks } from '../../src/blocks/followups-home.js';
import { checkMessage, checkView } from '../../src/blocks/limits.js';
import { reminderMessage } from '../../src/blocks/reminder.js';
import { parseReminderValue, reminderValue } from '../../src/blocks/reminder-ids.js';
import { enrolledMessage, sequenceListMessage } from '../../src/blocks/sequence-list.js';
import { dueFollowups, enrolmentView } from '../../src/commands/sequence/enrolment-views.js';
import { DEFAULT_SEQUENCE, MAX_STEPS } from '../../src/engines/optimizer/index.js';
import type { Enrolment } from '../../src/store/enrolments.js';
import { sequenceEditorView } from '../../src/views/sequence/edit-view.js';
import { snoozeView } from '../../src/views/snooze/snooze-view.js';

const NOW = new Date('2026-11-24T14:00:00Z');

function enrolment(id: string, dueAts: string[]): Enrolment {
  return {
    id,
    teamId: 'T1',
    leadId: `c:${id}`,
    leadName: `Lead <${id}> & co`,
    ownerId: 'U1',
    enrolledBy: 'U1',
    sequence: DEFAULT_SEQUENCE,
    timezone: 'America/New_York',
    startedAt: '2026-11-01T14:00:00Z',
    status: 'active',
    steps: dueAts.map((dueAt, index) => ({
      index,
      channel: 'email',
      day: index + 1,
      dueAt,
      state: 'scheduled',
      round: 0,
    })),
  };
}

describe('follow-up blocks', () => {
  it('splits the rep open steps into overdue and due today in their zone', () => {
    const e = enrolment('e000000000001', [
      '2026-11-23T14:00:00Z', // yesterday: overdue
      '2026-11-24T21:00:00Z', // today 16:00 New York
      '2026-11-25T04:00:00Z', // 23:00 on the 24th in New York: still today
      '2026-11-25T14:00:00Z', // tomorrow: not listed
    ]);
    const due = dueFollowups([e], NOW, 'America/New_York');
    expect(due.overdue.map((i) => i.step)).toEqual([0]);
    expect(due.today.map((i) => i.step)).toEqual([1, 2]);
    const blocks = followupsHomeBlocks(due, 'America/New_York');
    expect(JSON.stringify(blocks)).toContain('Overdue (1)');
    expect(JSON.stringify(blocks)).toContain('Lead &lt;e000000000001&gt; &amp; co');
    expect(checkView({ type: 'home', blocks })).toEqual({ ok: true });
  });

  it('stays inside Block Kit limits with the longest content', () => {
    const long = 'x'.repeat(5000);
    const message = reminderMessage({
      enrolmentId: 'e000000000001',
      step: 0,
      stepCount: 5,
      channel: 'email',
      leadName: long,
      sequenceId: 'default',
      sequenceName: long,
      dueAt: '2026-11-26T14:00:00Z',
      timezone: 'America/New_York',
      message: { rendered: { subject: long, body: long } },
    });
    expect(checkMessage(message)).toEqual({ ok: true });
    const many = Array.from({ length: 40 }, (_, i) =>
      enrolment(`e0000000000${String(i).padStart(2, '0')}`, ['2026-11-26T14:00:00Z']),
    );
    expect(checkMessage(sequenceListMessage([DEFAULT_SEQUENCE], many.map(enrolmentView)))).toEqual({
      ok: true,
    });
    expect(
      checkMessage(enrolledMessage(enrolmentView(enrolment('e000000000001', ['2026-11-26T14:00:00Z'])))),
    ).toEqual({
      ok: true,
    });
    const full = {
      ...DEFAULT_SEQUENCE,
      steps: Array.from({ length: MAX_STEPS }, (_, i) => ({
        ...DEFAULT_SEQUENCE.steps[0],
        channel: 'email' as const,
        day: i + 1,
        template: { subject: 's', body: long.slice(0, 4000) },
      })),
    };
    expect(checkView(sequenceEditorView(full, { sequenceId: 'default', channelId: 'C1' }))).toEqual({
      ok: true,
    });
    expect(checkView(sequenceEditorView(undefined, {}))).toEqual({ ok: true });
    expect(checkView(snoozeView({ enrolmentId: 'e000000000001', step: 0 }, long, 'UTC'))).toEqual({
      ok: true,
    });
  });

  it('round-trips the reminder button value', () => {
    expect(parseReminderValue(reminderValue('e0123456789ab', 3))).toEqual({
      enrolmentId: 'e0123456789ab',
      step: 3,
    });
    expect(parseReminderValue('something else')).toBeUndefined();
  });
});
