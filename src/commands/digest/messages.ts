import { DateTime } from 'luxon';
import { SCHEDULE_EXAMPLES } from '../../engines/digest-schedule/index.js';
import { nextRunTimes } from '../../jobs/schedules.js';
import type { DigestSettings } from '../../store/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { ReplyMessage } from '../types.js';

const CMD = `${SLASH_COMMAND} digest`;

/** What every digest word does, for `digest help` and unreadable input. */
export const DIGEST_USAGE = [
  `\`${CMD} every monday 9am\` creates or changes this channel's weekly digest (your time zone, or name one: \`mondays 8am Europe/Berlin\`)`,
  `\`${CMD}\` shows it · \`${CMD} now\` posts this week's digest right away`,
  `\`${CMD} pause\` · \`${CMD} resume\` · \`${CMD} off\` (removes it)`,
  `\`${CMD} me\` sends you your own figures by rep (pipeline, won, quota coverage) by DM`,
].join('\n');

/** The next run as people read it in the digest's zone: `Monday 30 November 2026, 09:00 EST`. */
export function nextRunText(settings: Pick<DigestSettings, 'pattern' | 'tz'>, now: Date): string {
  const [next] = nextRunTimes(settings.pattern, settings.tz, now.getTime());
  if (next === undefined) return 'not scheduled';
  return DateTime.fromMillis(next, { zone: settings.tz }).toFormat('cccc d LLLL yyyy, HH:mm ZZZZ');
}

const cadenceNote = (settings: DigestSettings) =>
  settings.cadence === 'daily' ? ' Each of those days gets its own digest.' : '';

/** `digest` alone: the channel's schedule, its next run and whether it is paused. */
export function showMessage(
  settings: DigestSettings | undefined,
  channelId: string,
  now: Date,
): ReplyMessage {
  if (settings === undefined) {
    return {
      text: `<#${channelId}> has no weekly digest yet. Create one with \`${CMD} every monday 9am\`, or post one right away with \`${CMD} now\`.`,
    };
  }
  const state = settings.paused
    ? `*Paused* since ${DateTime.fromISO(settings.updatedAt, { zone: settings.tz }).toFormat('d LLLL yyyy')}: nothing is posted until \`${CMD} resume\`.`
    : `Next: *${nextRunText(settings, now)}*.`;
  return {
    text: `*Weekly digest for <#${channelId}>*: ${settings.description}.${cadenceNote(settings)}\n${state}\nChange it with \`${CMD} every friday 4pm\`, or \`pause\`, \`resume\`, \`off\`, \`now\`.`,
  };
}

/** After creating or changing the schedule. */
export function savedMessage(
  settings: DigestSettings,
  now: Date,
  changed: boolean,
  notMember: boolean,
): ReplyMessage {
  const invite = notMember
    ? `\n:warning: The app is not in <#${settings.channelId}> yet, so the digest cannot be posted: \`/invite @sales-ops\` here first.`
    : '';
  const verb = changed ? 'Changed' : 'Done';
  return {
    text: `${verb}: <#${settings.channelId}> gets the weekly digest *${settings.description}*.${cadenceNote(settings)} Next: *${nextRunText(settings, now)}*. \`${CMD} now\` posts one right away.${invite}`,
  };
}

/** After pause, resume or off; `missing` when the channel had no digest to act on. */
export function stateMessage(
  action: 'pause' | 'resume' | 'off',
  settings: DigestSettings | undefined,
  channelId: string,
  now: Date,
): ReplyMessage {
  if (settings === undefined) {
    return {
      text: `<#${channelId}> has no weekly digest to ${action === 'off' ? 'remove' : action}. Create one with \`${CMD} every monday 9am\`.`,
    };
  }
  if (action === 'pause') {
    return {
      text: `Paused the weekly digest of <#${channelId}> (${settings.description}). The schedule is kept: \`${CMD} resume\` starts it again.`,
    };
  }
  if (action === 'resume') {
    return { text: `Resumed: ${settings.description}. Next: *${nextRunText(settings, now)}*.` };
  }
  return {
    text: `Removed the weekly digest of <#${channelId}>. \`${CMD} every monday 9am\` sets up a new one.`,
  };
}

/** A schedule that could not be read: the reason and schedules that work. */
export function badScheduleMessage(reason: string): ReplyMessage {
  const examples = SCHEDULE_EXAMPLES.map((e) => `\`${CMD} ${e}\``).join(', ');
  return {
    text: `That schedule did not work: ${reason}\nTry ${examples}, or \`${CMD} every weekday 9am\`.\n${DIGEST_USAGE}`,
  };
}

/** The digest needs a channel: a slash command typed in one. */
export const NEEDS_CHANNEL: ReplyMessage = {
  text: `Run \`${CMD}\` in the channel that should get the digest.`,
};
