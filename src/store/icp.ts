import {
  emptyValues,
  type IcpValues,
  isRangeSection,
  itemId,
  type ListSectionId,
  MAX_ITEMS,
  mergeList,
  type Range,
  type RangeSectionId,
  SECTION_IDS,
  type SectionId,
} from '../engines/icp/sections.js';
import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import { decode } from './codec.js';
import {
  type CardRef,
  cardSchema,
  historySchema,
  type IcpMeta,
  type IcpVersion,
  metaSchema,
  type SectionRecord,
  sectionSchema,
} from './icp-schema.js';
import { createIcpSideRepository, icpKeys } from './icp-side.js';
import type { Keys } from './keys.js';

export type { CardRef, IcpVersion, Suggestion } from './icp-schema.js';

/** The key part of a business: `Acme Corp` → `acme-corp`. */
export function icpSlug(business: string): string {
  const slug = business
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug === '' ? 'business' : slug;
}

/** One section as stored: its value's bookkeeping and its version (bumped on every change). */
export interface SectionState extends SectionRecord {
  version: number;
}

/** A team's ICP draft for one business: the values, each section's state, and where its card is. */
export interface IcpDraft extends IcpMeta {
  slug: string;
  values: IcpValues;
  sections: Record<SectionId, SectionState>;
  /** Bumped on every write; finalizing checks it so a version never misses an edit made meanwhile. */
  rev: number;
  card?: CardRef;
}

export type ListEdit = { ok: true; draft: IcpDraft } | { ok: false; tooMany: number };
export type RangeEdit =
  | { ok: true; draft: IcpDraft }
  | { ok: false; current?: Range; by?: string; at?: string; version: number };

/**
 * Compare-and-set in one atomic step. KEYS[1] the ICP hash, KEYS[2] its history list. ARGV[1] the field to
 * compare, ARGV[2] its expected value ('' for absent), ARGV[3] a history entry to append or '', then field/value
 * pairs to set. Returns 1 when written, 0 when the field had moved on.
 */
const CAS_SCRIPT = luaScript(`
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if current ~= ARGV[2] then return 0 end
if ARGV[3] ~= '' then redis.call('RPUSH', KEYS[2], ARGV[3]) end
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HINCRBY', KEYS[1], 'rev', 1)
return 1`);

const MAX_ATTEMPTS = 50;

/** A short random pause after losing a race, so many writers to one section do not keep colliding. */
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 + attempt * 2, 20)));

/** Creates the ICP repository. */
export function createIcpRepository(redis: RedisClient, keys: Keys) {
  const k = icpKeys(keys);

  async function cas(t: string, slug: string, check: [string, string], entry: string, sets: string[]) {
    const done = await runScript(
      redis,
      CAS_SCRIPT,
      [k.draft(t, slug), k.history(t, slug)],
      [...check, entry, ...sets],
    );
    return done === 1;
  }

  async function get(teamId: string, slug: string): Promise<IcpDraft | undefined> {
    const key = k.draft(teamId, slug);
    const hash = await redis.hgetall(key);
    const meta = decode(metaSchema, key, hash.meta ?? null);
    if (!meta) return undefined;
    const values = emptyValues();
    const sections = {} as Record<SectionId, SectionState>;
    for (const id of SECTION_IDS) {
      const record = decode(sectionSchema, key, hash[`s:${id}`] ?? null) ?? { contributors: [] };
      sections[id] = { ...record, version: Number(hash[`v:${id}`] ?? 0) };
      if (isRangeSection(id)) {
        if (record.range) values[id] = record.range;
      } else values[id] = record.items ?? [];
    }
    const card = decode(cardSchema, key, hash.card ?? null);
    return { ...meta, slug, values, sections, rev: Number(hash.rev ?? 0), ...(card ? { card } : {}) };
  }

  const credit = (list: readonly string[], ...people: string[]) => [...new Set([...list, ...people])];

  return {
    get,
    /** Starts the draft for a business unless it exists; returns the stored one either way. */
    async create(teamId: string, business: string, start: { by: string; at: Date; values: IcpValues }) {
      const slug = icpSlug(business);
      const meta: IcpMeta = { business, createdBy: start.by, createdAt: start.at.toISOString(), version: 1 };
      const sets = ['meta', JSON.stringify(meta)];
      for (const id of SECTION_IDS) {
        const value = start.values[id];
        const record: SectionRecord = isRangeSection(id)
          ? { ...(value ? { range: value as Range } : {}), contributors: [] }
          : { items: value as string[], contributors: [] };
        sets.push(`s:${id}`, JSON.stringify(record), `v:${id}`, '1');
      }
      if (await cas(teamId, slug, ['meta', ''], '', sets)) await redis.hset(k.index(teamId), slug, business);
      return (await get(teamId, slug)) as IcpDraft;
    },
    /**
     * Adds and removes items by union with whatever others saved meanwhile: reads, merges, and writes only
     * if the section's version is unchanged, retrying on a race. `remove` holds item ids (itemId).
     */
    async editList(
      teamId: string,
      slug: string,
      id: ListSectionId,
      change: { add: readonly string[]; remove: ReadonlySet<string> },
      by: { by: string; at: Date; also?: string },
    ): Promise<ListEdit> {
      const key = k.draft(teamId, slug);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const [raw, stored] = await redis.hmget(key, `s:${id}`, `v:${id}`);
        const version = stored ?? '';
        const record = decode(sectionSchema, key, raw ?? null) ?? { contributors: [] };
        const items = mergeList(record.items ?? [], change, itemId);
        if (items.length > MAX_ITEMS && items.length > (record.items?.length ?? 0))
          return { ok: false, tooMany: items.length };
        const people = by.also && by.also !== by.by ? [by.also, by.by] : [by.by];
        const next: SectionRecord = {
          items,
          contributors: credit(record.contributors, ...people),
          updatedAt: by.at.toISOString(),
          updatedBy: by.by,
        };
        const sets = [`s:${id}`, JSON.stringify(next), `v:${id}`, String(Number(version || 0) + 1)];
        if (await cas(teamId, slug, [`v:${id}`, version], '', sets))
          return { ok: true, draft: (await get(teamId, slug)) as IcpDraft };
        await backOff(attempt);
      }
      throw new Error(`the ${id} section kept changing; ${MAX_ATTEMPTS} attempts to merge failed`);
    },
    /**
     * Sets a range only if the section is still at `expected` (the version the person saw); otherwise
     * returns the value someone else saved, and who saved it, and writes nothing.
     */
    async setRange(
      teamId: string,
      slug: string,
      id: RangeSectionId,
      range: Range,
      by: { by: string; at: Date; expected: number; also?: string },
    ): Promise<RangeEdit> {
      const key = k.draft(teamId, slug);
      const [raw, version] = await redis.hmget(key, `s:${id}`, `v:${id}`);
      const record = decode(sectionSchema, key, raw ?? null) ?? { contributors: [] };
      const conflict = (): RangeEdit => ({
        ok: false,
        ...(record.range ? { current: record.range } : {}),
        ...(record.updatedBy ? { by: record.updatedBy } : {}),
        ...(record.updatedAt ? { at: record.updatedAt } : {}),
        version: Number(version ?? 0),
      });
      if (Number(version ?? 0) !== by.expected) return conflict();
      const people = by.also && by.also !== by.by ? [by.also, by.by] : [by.by];
      const next: SectionRecord = {
        range,
        contributors: credit(record.contributors, ...people),
        updatedAt: by.at.toISOString(),
        updatedBy: by.by,
      };
      const sets = [`s:${id}`, JSON.stringify(next), `v:${id}`, String(by.expected + 1)];
      if (await cas(teamId, slug, [`v:${id}`, version ?? ''], '', sets))
        return { ok: true, draft: (await get(teamId, slug)) as IcpDraft };
      // Someone saved between the read and the write: report what they saved.
      const now = await get(teamId, slug);
      const s = now?.sections[id];
      return {
        ok: false,
        ...(s?.range ? { current: s.range } : {}),
        ...(s?.updatedBy ? { by: s.updatedBy } : {}),
        ...(s?.updatedAt ? { at: s.updatedAt } : {}),
        version: s?.version ?? 0,
      };
    },
    /** Locks the current version into the history and starts the next one; undefined when it raced an edit. */
    async finalize(
      teamId: string,
      slug: string,
      by: { by: string; at: Date },
    ): Promise<IcpVersion | undefined> {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const draft = await get(teamId, slug);
        if (!draft) return undefined;
        const contributors = credit(SECTION_IDS.flatMap((id) => draft.sections[id].contributors));
        const entry: IcpVersion = {
          version: draft.version,
          business: draft.business,
          values: draft.values,
          contributors,
          finalizedBy: by.by,
          finalizedAt: by.at.toISOString(),
        };
        const meta: IcpMeta = {
          business: draft.business,
          createdBy: draft.createdBy,
          createdAt: draft.createdAt,
          version: draft.version + 1,
          finalized: { version: draft.version, by: by.by, at: entry.finalizedAt },
        };
        const sets = ['meta', JSON.stringify(meta)];
        for (const id of SECTION_IDS) {
          // Bumping each version makes a write that read the section before this one retry, so its
          // contributor lands in the next version and not in both.
          const { version, ...record } = draft.sections[id];
          sets.push(
            `s:${id}`,
            JSON.stringify({ ...record, contributors: [] }),
            `v:${id}`,
            String(version + 1),
          );
        }
        if (await cas(teamId, slug, ['rev', String(draft.rev || '')], JSON.stringify(entry), sets))
          return entry;
      }
      throw new Error(`the ICP kept changing; ${MAX_ATTEMPTS} attempts to finalize failed`);
    },
    async history(teamId: string, slug: string): Promise<IcpVersion[]> {
      const key = k.history(teamId, slug);
      const rows = await redis.lrange(key, 0, -1);
      return rows.map((row) => decode(historySchema, key, row) as IcpVersion);
    },
    /** The latest finalized version of a business's ICP, if any. */
    async finalized(teamId: string, slug: string): Promise<IcpVersion | undefined> {
      const key = k.history(teamId, slug);
      return decode(historySchema, key, await redis.lindex(key, -1));
    },
    ...createIcpSideRepository(redis, k),
  };
}

export type IcpRepository = ReturnType<typeof createIcpRepository>;
