import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import { decode } from './codec.js';
import { type CardRef, type Suggestion, suggestionSchema } from './icp-schema.js';
import type { Keys } from './keys.js';

/** The ICP key names: the draft hash, its history list and suggestions, and the team's card and ICP indexes. */
export function icpKeys(keys: Keys) {
  return {
    draft: (t: string, slug: string) => keys.icp(t, slug),
    history: (t: string, slug: string) => keys.icp(t, slug, 'history'),
    suggestions: (t: string, slug: string) => keys.icp(t, slug, 'suggestions'),
    cards: (t: string) => keys.icp(t, 'cards'),
    index: (t: string) => keys.icp(t, 'index'),
    seen: (t: string, slug: string, viewId: string) =>
      keys.icp(t, slug, 'seen', viewId.replace(/[^A-Za-z0-9]/g, '')),
  };
}

/** Takes a suggestion out in one step, so two editors pressing Accept apply it once. */
const TAKE_SCRIPT = luaScript(`
local value = redis.call('HGET', KEYS[1], ARGV[1])
if value then redis.call('HDEL', KEYS[1], ARGV[1]) end
return value`);

/** The ICP's side records: where its card is, the team's ICP index, suggestions, and conflicts already shown. */
export function createIcpSideRepository(redis: RedisClient, k: ReturnType<typeof icpKeys>) {
  return {
    /** Records where the card is now, and indexes it so thread replies find their ICP. */
    async setCard(teamId: string, slug: string, card: CardRef): Promise<void> {
      await redis
        .multi()
        .hset(k.draft(teamId, slug), 'card', JSON.stringify(card))
        .hset(k.cards(teamId), `${card.channel}/${card.ts}`, slug)
        .exec();
    },
    /** The ICP whose card is the message `ts` in `channel`. */
    async slugOfCard(teamId: string, channel: string, ts: string): Promise<string | undefined> {
      return (await redis.hget(k.cards(teamId), `${channel}/${ts}`)) ?? undefined;
    },
    /** Every business with an ICP in this team: slug → business name. */
    async list(teamId: string): Promise<Record<string, string>> {
      return redis.hgetall(k.index(teamId));
    },
    async suggest(teamId: string, slug: string, s: Omit<Suggestion, 'id'>): Promise<Suggestion> {
      const id = String(await redis.hincrby(k.draft(teamId, slug), 'suggestions', 1));
      const suggestion: Suggestion = { id, ...s };
      await redis.hset(k.suggestions(teamId, slug), id, JSON.stringify(suggestion));
      return suggestion;
    },
    async suggestions(teamId: string, slug: string): Promise<Suggestion[]> {
      const key = k.suggestions(teamId, slug);
      const all = await redis.hgetall(key);
      return Object.values(all)
        .map((raw) => decode(suggestionSchema, key, raw) as Suggestion)
        .sort((a, b) => Number(a.id) - Number(b.id));
    },
    /**
     * Remembers, for an hour, that the person with modal `viewId` was shown the section at `version` in a
     * conflict, so submitting the same form again replaces that value on purpose.
     */
    async noteConflictSeen(teamId: string, slug: string, viewId: string, version: number): Promise<void> {
      await redis.set(k.seen(teamId, slug, viewId), String(version), 'EX', 3600);
    },
    async conflictSeen(teamId: string, slug: string, viewId: string): Promise<number | undefined> {
      const seen = await redis.get(k.seen(teamId, slug, viewId));
      return seen === null ? undefined : Number(seen);
    },
    /** Removes a suggestion and returns it; undefined when someone already took it. */
    async takeSuggestion(teamId: string, slug: string, id: string): Promise<Suggestion | undefined> {
      const key = k.suggestions(teamId, slug);
      const raw = (await runScript(redis, TAKE_SCRIPT, [key], [id])) as string | null;
      return decode(suggestionSchema, key, raw);
    },
  };
}
