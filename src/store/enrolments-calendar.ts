import { z } from 'zod';
import type { Absence } from '../engines/optimizer/index.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** users.info answers are cached this long: a rep who moves time zone is picked up within a day. */
const PROFILE_TTL_SECONDS = 24 * 3600;
/** Absences that ended this long ago are forgotten. */
const KEEP_PAST_ABSENCE_DAYS = 30;

const profileSchema = z.object({ tz: z.string(), name: z.string().optional() });
const datesSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const absencesSchema = z.array(z.object({ from: z.string(), to: z.string() }));

/** What the app remembers from users.info about a rep. */
export type RepProfile = z.output<typeof profileSchema>;

/** The facts the calendar needs: reps' time zones (cached), their absences and the team's holidays. */
export interface CalendarRepository {
  cachedProfile(teamId: string, userId: string): Promise<RepProfile | undefined>;
  cacheProfile(teamId: string, userId: string, profile: RepProfile): Promise<void>;
  absences(teamId: string, userId: string): Promise<Absence[]>;
  /** The team's holidays and the absences of each of `userIds`, in one read. */
  calendarsOf(
    teamId: string,
    userIds: readonly string[],
  ): Promise<{ holidays: string[]; absences: Map<string, Absence[]> }>;
  /** Adds an absence, dropping those that ended a month before `today` (a `YYYY-MM-DD`). */
  addAbsence(teamId: string, userId: string, absence: Absence, today: string): Promise<Absence[]>;
  clearAbsences(teamId: string, userId: string): Promise<void>;
  holidays(teamId: string): Promise<string[]>;
  setHolidays(teamId: string, dates: readonly string[]): Promise<void>;
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Creates the calendar repository. */
export function createCalendarRepository(redis: RedisClient, k: FollowupKeys): CalendarRepository {
  const absences = async (teamId: string, userId: string): Promise<Absence[]> => {
    const key = k.absences(teamId, userId);
    return decode(absencesSchema, key, await redis.get(key)) ?? [];
  };
  return {
    async cachedProfile(teamId, userId) {
      const key = k.repProfile(teamId, userId);
      const found = decode(profileSchema, key, await redis.get(key));
      if (found === undefined) return undefined;
      return found.name === undefined ? { tz: found.tz } : { tz: found.tz, name: found.name };
    },
    async cacheProfile(teamId, userId, profile) {
      await redis.set(k.repProfile(teamId, userId), JSON.stringify(profile), 'EX', PROFILE_TTL_SECONDS);
    },
    absences,
    async calendarsOf(teamId, userIds) {
      const users = [...new Set(userIds)];
      const keys = [k.holidays(teamId), ...users.map((u) => k.absences(teamId, u))];
      const [holidays, ...absences] = await redis.mget(keys);
      return {
        holidays: decode(datesSchema, k.holidays(teamId), holidays ?? null) ?? [],
        absences: new Map(
          users.map((u, i) => [u, decode(absencesSchema, k.absences(teamId, u), absences[i] ?? null) ?? []]),
        ),
      };
    },
    async addAbsence(teamId, userId, absence, today) {
      const cutoff = daysBefore(today, KEEP_PAST_ABSENCE_DAYS);
      const kept = (await absences(teamId, userId)).filter((a) => a.to >= cutoff);
      const next = [...kept, absence].sort((a, b) => a.from.localeCompare(b.from));
      await redis.set(k.absences(teamId, userId), JSON.stringify(next));
      return next;
    },
    async clearAbsences(teamId, userId) {
      await redis.del(k.absences(teamId, userId));
    },
    async holidays(teamId) {
      const key = k.holidays(teamId);
      return decode(datesSchema, key, await redis.get(key)) ?? [];
    },
    async setHolidays(teamId, dates) {
      const sorted = [...new Set(dates)].sort();
      await redis.set(k.holidays(teamId), JSON.stringify(datesSchema.parse(sorted)));
    },
  };
}
