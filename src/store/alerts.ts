import { z } from 'zod';
import type { Alert, AlertRuleId, AppStageMove, DealSnapshot } from '../engines/alerts/index.js';
import { InputError, problemsFromZod } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import {
  type AlertSettings,
  type AlertTeam,
  alertKeys,
  alertSchema,
  alertSettingsSchema,
  alertTeamSchema,
  appMoveSchema,
  ruleOfDeal,
  snapshotSchema,
} from './alerts-schema.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

export type { AlertSettings, AlertTeam } from './alerts-schema.js';

/** A change to the alert settings: a value sets the field, null removes it. */
export type AlertSettingsPatch = { [K in keyof AlertSettings]?: AlertSettings[K] | null };

const BATCH_TTL_SECONDS = 30 * 24 * 3600;

const normaliseOwner = (owner: string) => owner.trim().toLowerCase().replace(/\s+/g, ' ');

export interface AlertRepository {
  settings(teamId: string): Promise<AlertSettings>;
  /** Applies the patch; InputError naming each bad field, and nothing saved, when it does not fit. */
  updateSettings(teamId: string, patch: AlertSettingsPatch): Promise<AlertSettings>;
  /** Turns one rule on or off. */
  setRule(teamId: string, rule: AlertRuleId, on: boolean): Promise<AlertSettings>;
  /** Admin mappings, owner as imported (normalised) → Slack user id. */
  mappings(teamId: string): Promise<Map<string, string>>;
  map(teamId: string, owner: string, userId: string): Promise<void>;
  unmap(teamId: string, owner: string): Promise<boolean>;
  mute(teamId: string, dealId: string, rule: AlertRuleId): Promise<void>;
  unmute(teamId: string, dealId: string, rule: AlertRuleId): Promise<boolean>;
  /** Muted `rule|deal` pairs (see ruleOfDeal). */
  mutes(teamId: string): Promise<Set<string>>;
  /** Holds the deal's alerts of this rule back until `until` (ISO); they come back after it if still true. */
  snooze(teamId: string, dealId: string, rule: AlertRuleId, until: string): Promise<void>;
  /** `rule|deal` → the ISO moment the snooze ends. */
  snoozes(teamId: string): Promise<Map<string, string>>;
  /** Sets a rep's quarterly quota (rep: owner as imported or a Slack user id); null removes it. */
  setQuota(teamId: string, rep: string, amount: number | null): Promise<void>;
  quotas(teamId: string): Promise<Map<string, number>>;
  /** The deals as the previous import left them; undefined before the first. */
  snapshot(teamId: string): Promise<DealSnapshot | undefined>;
  saveSnapshot(teamId: string, snapshot: DealSnapshot): Promise<void>;
  /** Records alert keys as raised and returns those that were not yet: each state alerts once. */
  markRaised(teamId: string, keys: readonly string[]): Promise<Set<string>>;
  /** The keys among these that were already raised. */
  raisedAmong(teamId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Keeps the alerts a summary stood for, 30 days, so "Show all" can list them. */
  saveBatch(teamId: string, batchKey: string, alerts: readonly Alert[]): Promise<void>;
  batch(teamId: string, batchKey: string): Promise<Alert[] | undefined>;
  /** Records owners as listed unmatched and returns those listed for the first time. */
  markUnmatched(teamId: string, owners: readonly string[]): Promise<string[]>;
  /** Adds alerts to the recipient's next message, which goes out in their zone `tz`. */
  addPending(teamId: string, recipient: string, alerts: readonly Alert[], tz: string): Promise<void>;
  pending(teamId: string, recipient: string): Promise<Alert[]>;
  /** Drops the alerts that went out; the recipient leaves the index once none are left. */
  dropPending(teamId: string, recipient: string, keys: readonly string[]): Promise<void>;
  pendingRecipients(teamId: string): Promise<string[]>;
  /** Recipient with pending alerts → the zone their message goes out in. */
  pendingZones(teamId: string): Promise<Map<string, string>>;
  /** The qualify moves of the last 30 days that skipped a stage or left one without its exit criteria, oldest first. */
  recentMoves(teamId: string): Promise<AppStageMove[]>;
  /** Records that the team's alerts run daily, and lists the team for the workers' start. */
  markDaily(team: AlertTeam): Promise<void>;
  /** Every team whose alerts run daily; teams purged since are dropped from the list. */
  dailyTeams(): Promise<AlertTeam[]>;
}

/** Creates the alert repository: settings, mappings, mutes, snoozes, quotas, the previous import and pending alerts. */
export function createAlertRepository(redis: RedisClient, keys: Keys): AlertRepository {
  const k = alertKeys(keys);
  const settings = async (teamId: string): Promise<AlertSettings> =>
    decode(alertSettingsSchema, k.settings(teamId), await redis.get(k.settings(teamId))) ??
    alertSettingsSchema.parse({});
  const save = async (teamId: string, next: unknown): Promise<AlertSettings> => {
    const parsed = alertSettingsSchema.safeParse(next);
    if (!parsed.success) throw new InputError(problemsFromZod(parsed.error));
    await redis.set(k.settings(teamId), JSON.stringify(parsed.data));
    return parsed.data;
  };
  const addSet = async (key: string, members: readonly string[]): Promise<boolean[]> => {
    if (members.length === 0) return [];
    const tx = redis.multi();
    for (const m of members) tx.sadd(key, m);
    const results = (await tx.exec()) ?? [];
    return results.map(([error, n]) => {
      if (error) throw error;
      return n === 1;
    });
  };
  return {
    settings,
    async updateSettings(teamId, patch) {
      const current: Record<string, unknown> = { ...(await settings(teamId)) };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete current[field];
        else if (value !== undefined) current[field] = value;
      }
      return save(teamId, current);
    },
    async setRule(teamId, rule, on) {
      const current = await settings(teamId);
      const disabled = new Set(current.disabled);
      if (on) disabled.delete(rule);
      else disabled.add(rule);
      return save(teamId, { ...current, disabled: [...disabled] });
    },
    async mappings(teamId) {
      return new Map(Object.entries(await redis.hgetall(k.mappings(teamId))));
    },
    async map(teamId, owner, userId) {
      await redis.hset(k.mappings(teamId), normaliseOwner(owner), userId);
    },
    async unmap(teamId, owner) {
      return (await redis.hdel(k.mappings(teamId), normaliseOwner(owner))) === 1;
    },
    async mute(teamId, dealId, rule) {
      await redis.sadd(k.mutes(teamId), ruleOfDeal(rule, dealId));
    },
    async unmute(teamId, dealId, rule) {
      return (await redis.srem(k.mutes(teamId), ruleOfDeal(rule, dealId))) === 1;
    },
    async mutes(teamId) {
      return new Set(await redis.smembers(k.mutes(teamId)));
    },
    async snooze(teamId, dealId, rule, until) {
      await redis.hset(k.snoozes(teamId), ruleOfDeal(rule, dealId), until);
    },
    async snoozes(teamId) {
      return new Map(Object.entries(await redis.hgetall(k.snoozes(teamId))));
    },
    async setQuota(teamId, rep, amount) {
      if (amount === null) await redis.hdel(k.quotas(teamId), rep);
      else if (!(amount > 0)) throw new InputError([{ path: 'quota', message: 'must be an amount above 0' }]);
      else await redis.hset(k.quotas(teamId), rep, String(amount));
    },
    async quotas(teamId) {
      const raw = await redis.hgetall(k.quotas(teamId));
      return new Map(Object.entries(raw).map(([rep, amount]) => [rep, Number(amount)]));
    },
    async snapshot(teamId) {
      return decode(snapshotSchema, k.snapshot(teamId), await redis.get(k.snapshot(teamId)));
    },
    async saveSnapshot(teamId, snapshot) {
      await redis.set(k.snapshot(teamId), JSON.stringify(snapshot));
    },
    async markRaised(teamId, alertKeysToMark) {
      const added = await addSet(k.raised(teamId), alertKeysToMark);
      return new Set(alertKeysToMark.filter((_, i) => added[i]));
    },
    async raisedAmong(teamId, candidates) {
      if (candidates.length === 0) return new Set();
      const flags = await redis.smismember(k.raised(teamId), ...candidates);
      return new Set(candidates.filter((_, i) => flags[i] === 1));
    },
    async saveBatch(teamId, batchKey, alerts) {
      await redis.set(k.batch(teamId, batchKey), JSON.stringify(alerts), 'EX', BATCH_TTL_SECONDS);
    },
    async batch(teamId, batchKey) {
      return decode(
        z.array(alertSchema),
        k.batch(teamId, batchKey),
        await redis.get(k.batch(teamId, batchKey)),
      );
    },
    async markUnmatched(teamId, owners) {
      const added = await addSet(k.unmatched(teamId), owners);
      return owners.filter((_, i) => added[i]);
    },
    async addPending(teamId, recipient, alerts, tz) {
      if (alerts.length === 0) return;
      const fields = Object.fromEntries(alerts.map((a) => [a.key, JSON.stringify(a)]));
      await redis
        .multi()
        .hset(k.pending(teamId, recipient), fields)
        .sadd(k.pendingIndex(teamId), recipient)
        .hset(k.pendingZones(teamId), recipient, tz)
        .exec();
    },
    async pending(teamId, recipient) {
      const key = k.pending(teamId, recipient);
      const raw = await redis.hgetall(key);
      return Object.entries(raw).flatMap(([field, json]) => {
        const alert = decode(alertSchema, `${key} ${field}`, json);
        return alert === undefined ? [] : [alert];
      });
    },
    async dropPending(teamId, recipient, done) {
      const key = k.pending(teamId, recipient);
      if (done.length > 0) await redis.hdel(key, ...done);
      if ((await redis.hlen(key)) === 0)
        await redis
          .multi()
          .srem(k.pendingIndex(teamId), recipient)
          .hdel(k.pendingZones(teamId), recipient)
          .exec();
    },
    async pendingRecipients(teamId) {
      return (await redis.smembers(k.pendingIndex(teamId))).sort();
    },
    async pendingZones(teamId) {
      return new Map(Object.entries(await redis.hgetall(k.pendingZones(teamId))));
    },
    async recentMoves(teamId) {
      const key = k.moves(teamId);
      return (await redis.zrange(key, 0, -1)).flatMap((json) => {
        const move = decode(appMoveSchema, key, json);
        return move === undefined ? [] : [move];
      });
    },
    async markDaily(team) {
      const parsed = alertTeamSchema.parse(team);
      await redis.set(k.daily(parsed.teamId), JSON.stringify(parsed));
      await redis.sadd(keys.alertTeamIndex(), parsed.teamId);
    },
    async dailyTeams() {
      const found: AlertTeam[] = [];
      for (const teamId of (await redis.smembers(keys.alertTeamIndex())).sort()) {
        const team = alertTeamSchema.shape.teamId.safeParse(teamId).success
          ? decode(alertTeamSchema, k.daily(teamId), await redis.get(k.daily(teamId)))
          : undefined;
        if (team === undefined) await redis.srem(keys.alertTeamIndex(), teamId);
        else found.push(team);
      }
      return found;
    },
  };
}
