import { DEFAULT_SEQUENCE, parseSequence, type Sequence } from '../engines/optimizer/index.js';
import { CorruptRecordError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** A team may keep this many sequences besides the default. */
export const MAX_SEQUENCES = 20;

/** The team's follow-up sequences; the default cadence is always there, edited or not. */
export interface SequenceRepository {
  /** The default sequence first, then the others by name. */
  list(teamId: string): Promise<Sequence[]>;
  get(teamId: string, id: string): Promise<Sequence | undefined>;
  /** Saves a sequence that parseSequence accepted; replaces the one with the same id. */
  save(teamId: string, sequence: Sequence): Promise<void>;
}

function parseStored(key: string, id: string, json: string): Sequence {
  try {
    return parseSequence(JSON.parse(json));
  } catch (error) {
    throw new CorruptRecordError(`${key} ${id}`, error instanceof Error ? error.message : 'invalid');
  }
}

/** Creates the sequence repository; sequences are a hash of JSON, one field per sequence id. */
export function createSequenceRepository(redis: RedisClient, k: FollowupKeys): SequenceRepository {
  return {
    async list(teamId) {
      const key = k.sequences(teamId);
      const stored = Object.entries(await redis.hgetall(key)).map(([id, json]) => parseStored(key, id, json));
      const defaults = stored.find((s) => s.id === DEFAULT_SEQUENCE.id) ?? DEFAULT_SEQUENCE;
      const others = stored
        .filter((s) => s.id !== DEFAULT_SEQUENCE.id)
        .sort((a, b) => a.name.localeCompare(b.name));
      return [defaults, ...others];
    },
    async get(teamId, id) {
      const key = k.sequences(teamId);
      const json = await redis.hget(key, id);
      if (json !== null) return parseStored(key, id, json);
      return id === DEFAULT_SEQUENCE.id ? DEFAULT_SEQUENCE : undefined;
    },
    async save(teamId, sequence) {
      await redis.hset(k.sequences(teamId), sequence.id, JSON.stringify(parseSequence(sequence)));
    },
  };
}
