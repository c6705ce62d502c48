import { z } from 'zod';
import { CorruptRecordError } from '../errors.js';
import { type RedisClient, scanKeys } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import { decode } from './codec.js';
import type { FollowupKeys } from './enrolments-keys.js';
import { type Enrolment, enrolmentSchema, toEnrolment } from './enrolments-model.js';
import { packEnrolment, packedEnrolmentSchema, sequenceField, unpackEnrolment } from './enrolments-packed.js';

export type { Enrolment, EnrolmentStatus, EnrolmentStep, StepState } from './enrolments-model.js';
export { allStepsFinished, stepLabel } from './enrolments-model.js';

/** Finished enrolments stay readable this long (for the reply and A/B history), then Redis drops them. */
const ENDED_TTL_SECONDS = 90 * 24 * 3600;
const UPDATE_ATTEMPTS = 8;

/**
 * Creates a batch of one team's enrolments in one script: for each in turn, sets the lead's active-enrolment
 * key only when it is free (or points at an enrolment that no longer exists), writes the record and indexes
 * it, so two people enrolling the same lead at the same moment (or twice in one batch) cannot both win. When
 * any was created it keeps the sequence versions they name (each written once).
 * KEYS: the team's active index, its sequence versions, then per enrolment its lead's active key, its record
 * and its rep's index. ARGV: the enrolment key prefix, the number of versions, that many field/JSON pairs,
 * then per enrolment its id and record. Returns per enrolment '' when created, else the active enrolment's id.
 * The stale check reads a key built from ARGV[1]: it carries the same team hash tag as KEYS, so on Redis
 * Cluster it sits in the script's slot.
 */
const CREATE_SCRIPT = luaScript(`
local versions = tonumber(ARGV[2])
local base = 2 + 2 * versions
local out = {}
local created = false
for j = 0, (#KEYS - 2) / 3 - 1 do
  local lead = KEYS[3 + 3 * j]
  local id = ARGV[base + 1 + 2 * j]
  local current = redis.call('GET', lead)
  if current and redis.call('EXISTS', ARGV[1] .. current) == 1 then
    out[j + 1] = current
  else
    redis.call('SET', lead, id)
    redis.call('SET', KEYS[4 + 3 * j], ARGV[base + 2 + 2 * j])
    redis.call('SADD', KEYS[1], id)
    redis.call('SADD', KEYS[5 + 3 * j], id)
    out[j + 1] = ''
    created = true
  end
end
if created then
  for i = 1, versions do redis.call('HSETNX', KEYS[2], ARGV[1 + 2 * i], ARGV[2 + 2 * i]) end
end
return out
`);

/**
 * Compare-and-swap of the enrolment JSON (WATCH is per connection, and the app shares one): writes the new
 * record only if the stored one is still what the caller read; an enrolment that ends frees its guard
 * (when it still holds it) and leaves the indexes, and expires later. The sequence version it names is kept
 * too (a record from before versions carried its sequence inline).
 */
const SWAP_SCRIPT = luaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('HSETNX', KEYS[5], ARGV[6], ARGV[7])
if ARGV[4] == '1' then
  if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
  redis.call('SREM', KEYS[3], ARGV[3])
  redis.call('SREM', KEYS[4], ARGV[3])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
end
return 1
`);

const REMOVE_SCRIPT = luaScript(`
redis.call('DEL', KEYS[1])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return 1
`);

export type CreateResult = { created: true } | { created: false; activeId: string };

/** Enrolments, with the one-active-enrolment-per-lead guard. */
export interface EnrolmentRepository {
  /** Stores a new active enrolment unless the lead already has one; nothing is written then. */
  create(enrolment: Enrolment): Promise<CreateResult>;
  /** create for many enrolments, one script call per team; results in the same order. */
  createMany(enrolments: readonly Enrolment[]): Promise<CreateResult[]>;
  get(teamId: string, id: string): Promise<Enrolment | undefined>;
  /** The lead's active enrolment, if any. */
  activeForLead(teamId: string, leadId: string): Promise<Enrolment | undefined>;
  listActive(teamId: string): Promise<Enrolment[]>;
  listForRep(teamId: string, userId: string): Promise<Enrolment[]>;
  /** Every enrolment the team has, running or ended, a batch at a time; a record that cannot be read is skipped. */
  scanAll(teamId: string): AsyncGenerator<Enrolment[]>;
  /**
   * Applies `change` atomically (compare-and-swap, retried on a concurrent write); an enrolment that leaves
   * `active` frees the lead's guard and the indexes. `change` returning undefined leaves it untouched.
   */
  update(
    teamId: string,
    id: string,
    change: (current: Enrolment) => Enrolment | undefined,
  ): Promise<Enrolment | undefined>;
  /** Deletes an enrolment and its guard, to undo a create whose jobs could not be scheduled. */
  remove(enrolment: Enrolment): Promise<void>;
}

const serialise = packEnrolment;

/** Records are packed (v2) or, written before packing, in the older shape; both are read. */
const storedSchema = z.union([packedEnrolmentSchema, enrolmentSchema]);

/** Sequence versions never change once written, so a process keeps the ones it read. */
const versionCache = new Map<string, unknown>();
const VERSION_CACHE_SIZE = 1000;

/** Creates the enrolment repository. */
export function createEnrolmentRepository(redis: RedisClient, k: FollowupKeys): EnrolmentRepository {
  const namedSequence = async (teamId: string, ref: { id: string; version: string }): Promise<unknown> => {
    const field = `${ref.id}@${ref.version}`;
    const cacheKey = `${k.sequenceVersions(teamId)} ${field}`;
    if (versionCache.has(cacheKey)) return versionCache.get(cacheKey);
    const json = await redis.hget(k.sequenceVersions(teamId), field);
    if (json === null) return undefined;
    const value: unknown = JSON.parse(json);
    if (versionCache.size >= VERSION_CACHE_SIZE) versionCache.clear();
    versionCache.set(cacheKey, value);
    return value;
  };
  const parse = async (teamId: string, key: string, raw: string | null): Promise<Enrolment | undefined> => {
    const stored = decode(storedSchema, key, raw);
    if (stored === undefined) return undefined;
    const record = 'v' in stored ? unpackEnrolment(teamId, stored) : stored;
    const named = record.sequenceRef ? await namedSequence(teamId, record.sequenceRef) : undefined;
    try {
      return toEnrolment(record, named);
    } catch (error) {
      throw new CorruptRecordError(key, error instanceof Error ? error.message : 'bad sequence');
    }
  };
  const get = async (teamId: string, id: string): Promise<Enrolment | undefined> => {
    const key = k.enrolment(teamId, id);
    return parse(teamId, key, await redis.get(key));
  };
  /** One script call creating `batch` (all of one team), results in the batch's order. */
  const createBatch = async (teamId: string, batch: readonly Enrolment[]): Promise<CreateResult[]> => {
    const versions = new Map(batch.map((e) => [sequenceField(e), e.sequence]));
    const keys = batch.flatMap((e) => [
      k.activeLead(teamId, e.leadId),
      k.enrolment(teamId, e.id),
      k.repIndex(teamId, e.ownerId),
    ]);
    const args = [
      k.enrolmentPrefix(teamId),
      String(versions.size),
      ...[...versions].flatMap(([field, sequence]) => [field, JSON.stringify(sequence)]),
      ...batch.flatMap((e) => [e.id, serialise(e)]),
    ];
    const results = await runScript(
      redis,
      CREATE_SCRIPT,
      [k.activeIndex(teamId), k.sequenceVersions(teamId), ...keys],
      args,
    );
    if (!Array.isArray(results) || results.length !== batch.length) {
      throw new Error(`creating ${batch.length} enrolments answered ${JSON.stringify(results)}`);
    }
    return results.map(
      (existing): CreateResult =>
        typeof existing === 'string' && existing !== ''
          ? { created: false, activeId: existing }
          : { created: true },
    );
  };
  const many = async (teamId: string, ids: string[]): Promise<Enrolment[]> => {
    const found = await Promise.all(ids.map((id) => get(teamId, id)));
    return found
      .filter((e): e is Enrolment => e !== undefined && e.status === 'active')
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  };

  return {
    async create(enrolment) {
      const [result] = await createBatch(enrolment.teamId, [enrolment]);
      if (result === undefined) throw new Error('creating an enrolment answered nothing');
      return result;
    },
    async createMany(enrolments) {
      const byTeam = new Map<string, { at: number; enrolment: Enrolment }[]>();
      enrolments.forEach((enrolment, at) => {
        const items = byTeam.get(enrolment.teamId) ?? [];
        items.push({ at, enrolment });
        byTeam.set(enrolment.teamId, items);
      });
      const results = new Array<CreateResult>(enrolments.length);
      await Promise.all(
        [...byTeam].map(async ([teamId, items]) => {
          const answers = await createBatch(
            teamId,
            items.map((item) => item.enrolment),
          );
          items.forEach((item, j) => {
            const answer = answers[j];
            if (answer) results[item.at] = answer;
          });
        }),
      );
      return results;
    },
    get,
    async activeForLead(teamId, leadId) {
      const id = await redis.get(k.activeLead(teamId, leadId));
      if (id === null) return undefined;
      const enrolment = await get(teamId, id);
      return enrolment?.status === 'active' ? enrolment : undefined;
    },
    async listActive(teamId) {
      return many(teamId, await redis.smembers(k.activeIndex(teamId)));
    },
    async listForRep(teamId, userId) {
      return many(teamId, await redis.smembers(k.repIndex(teamId, userId)));
    },
    async *scanAll(teamId) {
      for await (const keys of scanKeys(redis, `${k.enrolmentPrefix(teamId)}*`)) {
        const raws = await redis.mget(keys);
        const read = await Promise.all(
          keys.map((key, i) => parse(teamId, key, raws[i] ?? null).catch(() => undefined)),
        );
        yield read.filter((e): e is Enrolment => e !== undefined);
      }
    },
    async update(teamId, id, change) {
      const key = k.enrolment(teamId, id);
      for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt += 1) {
        const raw = await redis.get(key);
        const current = await parse(teamId, key, raw);
        const next = current === undefined ? undefined : change(current);
        if (raw === null || current === undefined || next === undefined) return current;
        const ending = current.status === 'active' && next.status !== 'active';
        const swapped = await runScript(
          redis,
          SWAP_SCRIPT,
          [
            key,
            k.activeLead(teamId, current.leadId),
            k.activeIndex(teamId),
            k.repIndex(teamId, current.ownerId),
            k.sequenceVersions(teamId),
          ],
          [
            raw,
            serialise(next),
            id,
            ending ? '1' : '0',
            String(ENDED_TTL_SECONDS),
            sequenceField(next),
            JSON.stringify(next.sequence),
          ],
        );
        if (swapped === 1) return next;
      }
      throw new Error(`enrolment ${id} kept changing under concurrent writes; try again`);
    },
    async remove(enrolment) {
      const { teamId, id } = enrolment;
      await runScript(
        redis,
        REMOVE_SCRIPT,
        [
          k.enrolment(teamId, id),
          k.activeLead(teamId, enrolment.leadId),
          k.activeIndex(teamId),
          k.repIndex(teamId, enrolment.ownerId),
        ],
        [id],
      );
    },
  };
}
