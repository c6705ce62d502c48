import type { Lead } from '../engines/lead.js';
import { CorruptRecordError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';
import { leadCoreSchema, type ScoreEntry, scoreEntrySchema, stageEntrySchema } from './leads-schema.js';

/**
 * Score and stage entries a lead read returns in full. A lead requalified thousands of times keeps them all
 * in Redis, but a read stays the same size: the last entries, and before them the last qualification of each
 * earlier day from the day summary, which is all the lead score and the Home tab need.
 */
export const RECENT_HISTORY = 50;

function parseList<T>(schema: Parameters<typeof decode>[0], key: string, raw: unknown): T[] {
  const items = Array.isArray(raw) ? raw : [];
  return items.map((item) => {
    const entry = decode(schema, key, String(item)) as T | undefined;
    if (entry === undefined) throw new CorruptRecordError(key, 'empty history entry');
    return entry;
  });
}

/** The day a score entry is summarised under: its UTC date. */
export function scoreDay(entry: ScoreEntry): string {
  return entry.at.slice(0, 10);
}

/**
 * The score history a read returns: all of it when it is short; else the last RECENT_HISTORY entries after
 * the day summary's entries from before them (one per day, the day's last non-disqualified qualification).
 */
export function boundedScores(recent: ScoreEntry[], total: number, days: ScoreEntry[]): ScoreEntry[] {
  if (total <= recent.length) return recent;
  const first = recent[0]?.at;
  const earlier = days
    .filter((d) => first === undefined || d.at < first)
    .sort((a, b) => a.at.localeCompare(b.at));
  return [...earlier, ...recent];
}

/** Reads one lead in one round trip, bounded however long its histories grew. */
export async function readLead(
  redis: RedisClient,
  keys: Keys,
  teamId: string,
  leadId: string,
): Promise<Lead | undefined> {
  const key = keys.lead(teamId, leadId);
  const scoresKey = keys.leadScores(teamId, leadId);
  const [core, scores, total, stages, days] =
    (await redis
      .multi()
      .get(key)
      .lrange(scoresKey, -RECENT_HISTORY, -1)
      .llen(scoresKey)
      .lrange(keys.leadStages(teamId, leadId), -RECENT_HISTORY, -1)
      .hvals(keys.leadScoreDays(teamId, leadId))
      .exec()) ?? [];
  const record = decode(leadCoreSchema, key, (core?.[1] as string | null | undefined) ?? null);
  if (!record) return undefined;
  const recent = parseList<ScoreEntry>(scoreEntrySchema, key, scores?.[1]);
  const count = typeof total?.[1] === 'number' ? total[1] : recent.length;
  const summary = count > recent.length ? parseList<ScoreEntry>(scoreEntrySchema, key, days?.[1]) : [];
  return {
    ...record,
    scoreHistory: boundedScores(recent, count, summary),
    stageHistory: parseList(stageEntrySchema, key, stages?.[1]),
  };
}
