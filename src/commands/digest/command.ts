import { parseDigestSchedule } from '../../engines/digest-schedule/index.js';
import { InputError } from '../../errors.js';
import type { Followups } from '../../jobs/followups.js';
import { repProfile } from '../../jobs/rep-profile.js';
import { removeDigestScheduler, type ScheduleDeps, upsertDigestScheduler } from '../../jobs/schedules.js';
import type { DigestSettings } from '../../store/index.js';
import type { CommandDeps, CommandHandler, CommandRequest } from '../types.js';
import { digestMe } from './me.js';
import {
  badScheduleMessage,
  DIGEST_USAGE,
  NEEDS_CHANNEL,
  savedMessage,
  showMessage,
  stateMessage,
} from './messages.js';
import { postDigestNow } from './now.js';

type ChannelRequest = CommandRequest & { channelId: string };

/** The person's own time zone from Slack, else the workspace's setting, else the app's default. */
async function personZone(request: CommandRequest, deps: CommandDeps, f: Followups): Promise<string> {
  const fallback = (await deps.store.settings.get(request.teamId)).timezone ?? f.defaultZone;
  const args = {
    client: request.client,
    calendars: f.calendars,
    teamId: request.teamId,
    userId: request.userId,
  };
  return (await repProfile({ ...args, logger: deps.logger }, fallback)).tz;
}

/** Whether the app can post in the channel; unknown (true) when Slack will not say. */
async function isMember(request: ChannelRequest): Promise<boolean> {
  try {
    const info = await request.client.conversations.info({ channel: request.channelId });
    return info.channel?.is_member !== false;
  } catch {
    return true;
  }
}

async function schedule(request: ChannelRequest, deps: CommandDeps, f: Followups, words: string) {
  let parsed: ReturnType<typeof parseDigestSchedule>;
  try {
    parsed = parseDigestSchedule(words, { zone: await personZone(request, deps, f) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    await request.reply(badScheduleMessage(error.problems[0]?.message ?? error.message));
    return;
  }
  const { teamId, channelId } = request;
  const previous = await deps.store.digests.get(teamId, channelId);
  const now = deps.now();
  const settings: DigestSettings = {
    teamId,
    channelId,
    pattern: parsed.pattern,
    tz: parsed.tz,
    description: parsed.description,
    cadence: parsed.cadence,
    paused: false,
    updatedBy: request.userId,
    updatedAt: now.toISOString(),
  };
  await deps.store.digests.save(settings);
  try {
    await upsertDigestScheduler(scheduleDeps(f), settings);
  } catch (error) {
    // Nothing half-saved: the record goes back to what it was when the scheduler could not be written.
    if (previous) await deps.store.digests.save(previous);
    else await deps.store.digests.remove(teamId, channelId);
    throw error;
  }
  await request.reply(savedMessage(settings, now, previous !== undefined, !(await isMember(request))));
}

const scheduleDeps = (f: Followups): ScheduleDeps => ({ queue: f.queues.reminders, jobIndex: f.jobIndex });

async function changeState(
  request: ChannelRequest,
  deps: CommandDeps,
  f: Followups,
  action: 'pause' | 'resume' | 'off',
) {
  const { teamId, channelId, userId } = request;
  const now = deps.now();
  let settings = await deps.store.digests.get(teamId, channelId);
  if (settings !== undefined && action === 'off') {
    await removeDigestScheduler(scheduleDeps(f), teamId, channelId);
    await deps.store.digests.remove(teamId, channelId);
  } else if (settings !== undefined) {
    settings = await deps.store.digests.setPaused(teamId, channelId, action === 'pause', {
      by: userId,
      at: now,
    });
    if (settings && action === 'pause') await removeDigestScheduler(scheduleDeps(f), teamId, channelId);
    if (settings && action === 'resume') await upsertDigestScheduler(scheduleDeps(f), settings);
  }
  await request.reply(stateMessage(action, settings, channelId, now));
}

/** `/sales-ops digest`: show, create or change (`every monday 9am`), pause, resume, off, or `now`. */
export const digest: CommandHandler = async (request, deps) => {
  const { channelId } = request;
  // `digest me` answers in the person's DM, so it needs no channel.
  if (request.args.trim().toLowerCase() === 'me')
    return digestMe(request, deps, await personZone(request, deps, deps.followups));
  if (channelId === undefined || channelId === '') return request.reply(NEEDS_CHANNEL);
  const here: ChannelRequest = { ...request, channelId };
  const words = request.args.trim();
  const word = words.toLowerCase();
  if (word === '' || word === 'show' || word === 'status') {
    return request.reply(
      showMessage(await deps.store.digests.get(request.teamId, channelId), channelId, deps.now()),
    );
  }
  if (word === 'help') return request.reply({ text: DIGEST_USAGE });
  const f = deps.followups;
  switch (word) {
    case 'pause':
    case 'resume':
    case 'off':
      return changeState(here, deps, f, word);
    case 'stop':
    case 'remove':
    case 'delete':
      return changeState(here, deps, f, 'off');
    case 'now': {
      const saved = await deps.store.digests.get(request.teamId, channelId);
      return postDigestNow(here, deps, f, saved?.tz ?? (await personZone(request, deps, f)));
    }
    default:
      return schedule(here, deps, f, words);
  }
};
