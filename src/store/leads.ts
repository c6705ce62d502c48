import type { ChainableCommander } from 'ioredis';
import type { AppStageMove } from '../engines/alerts/index.js';
import { normaliseCompanyName } from '../engines/crm/normalise.js';
import { type Lead, leadIdFor } from '../engines/lead.js';
import { InputError, NotFoundError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import { APP_MOVE_DAYS, alertKeys } from './alerts-schema.js';
import type { Keys } from './keys.js';
import { firstStageEntry, mergeQualification, type QualificationInput } from './leads-merge.js';
import { readLead, scoreDay } from './leads-read.js';
import type { LeadCore, ScoreEntry, StageEntry } from './leads-schema.js';

export type { QualificationInput } from './leads-merge.js';

/** A stage move as recorded: moves are allowed whether or not the exit criteria of the stage left were met. */
export interface StageMove {
  stage: string;
  by: string;
  at: Date;
  exitCriteriaMet: boolean;
  /** Criterion ids of the stage left that were not met. */
  unmet: string[];
  /** Open stages the move passed over, in the lead's pipeline. */
  skipped?: string[];
}

/** The figures one qualification adds to the score history. */
export type ScoreFigures = Pick<QualificationInput, 'score' | 'maxScore' | 'verdict'>;

export interface LeadRepository {
  get(teamId: string, leadId: string): Promise<Lead | undefined>;
  /** The stored lead a company and domain refer to: a domain match first, then the normalised company name. */
  find(teamId: string, company: string, domain?: string): Promise<Lead | undefined>;
  /** Creates or updates the lead and appends to its score history, in one transaction. */
  qualify(teamId: string, input: QualificationInput): Promise<{ lead: Lead; created: boolean }>;
  /**
   * Like qualify, with the score worked out from the stored lead (undefined for a new one), which is read
   * once for both: `score` sees the lead as it was, and its figures go into the history.
   */
  qualifyScored<T extends ScoreFigures>(
    teamId: string,
    input: Omit<QualificationInput, keyof ScoreFigures>,
    score: (stored: Lead | undefined) => T,
  ): Promise<{ lead: Lead; created: boolean; scored: T }>;
  /** Moves the lead and appends to its stage history, in one transaction; NotFoundError for an unknown lead. */
  moveStage(teamId: string, leadId: string, move: StageMove): Promise<Lead>;
  /** Marks the lead disqualified with the reason, and records a disqualified verdict in its score history. */
  disqualify(teamId: string, leadId: string, mark: { reason: string; by: string; at: Date }): Promise<Lead>;
  /** The owner's leads, most recently updated first. */
  listByOwner(teamId: string, ownerId: string, limit?: number): Promise<Lead[]>;
  /** Ids of the team's leads in a stage, most recently updated first. */
  idsInStage(teamId: string, stage: string, limit?: number): Promise<string[]>;
}

/** The id a new lead gets; InputError when the name has nothing to match it by and no domain is known. */
function newLeadId(company: string, domain: string | undefined): string {
  const id = leadIdFor(company, domain);
  if (id.length > 2) return id;
  throw new InputError([
    {
      path: 'company',
      message: `"${company}" has no Latin letters or digits to match it by; add its domain, e.g. domain=example.com`,
    },
  ]);
}

async function run(tx: ChainableCommander): Promise<void> {
  const results = await tx.exec();
  if (results === null) throw new Error('the lead transaction was aborted');
  const failed = results.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}

/** Creates the lead repository: a JSON record per lead, two history lists, and owner, stage, name and domain indexes. */
export function createLeadRepository(redis: RedisClient, keys: Keys): LeadRepository {
  const get = (teamId: string, leadId: string): Promise<Lead | undefined> =>
    readLead(redis, keys, teamId, leadId);

  const mustGet = async (teamId: string, leadId: string): Promise<Lead> => {
    const lead = await get(teamId, leadId);
    if (!lead)
      throw new NotFoundError('That lead is no longer stored; qualify it again with /sales-ops qualify.');
    return lead;
  };

  const resolveId = async (teamId: string, company: string, domain?: string) => {
    if (domain !== undefined) {
      const byDomain = await redis.hget(keys.leadDomains(teamId), domain);
      if (byDomain) return byDomain;
    }
    const name = normaliseCompanyName(company);
    const byName = name === '' ? null : await redis.hget(keys.leadNames(teamId), name);
    if (!byName) return undefined;
    if (domain === undefined) return byName;
    // The same name with another domain is another company; a lead stored without a domain adopts this one.
    const lead = await get(teamId, byName);
    return lead && lead.domain === undefined ? byName : undefined;
  };

  const save = (tx: ChainableCommander, teamId: string, core: LeadCore, previousStage?: string) => {
    const ms = Date.parse(core.updatedAt);
    tx.set(keys.lead(teamId, core.id), JSON.stringify(core));
    tx.zadd(keys.leadsByOwner(teamId, core.ownerId), ms, core.id);
    if (previousStage !== undefined && previousStage !== core.stage)
      tx.zrem(keys.leadsByStage(teamId, previousStage), core.id);
    tx.zadd(keys.leadsByStage(teamId, core.stage), ms, core.id);
  };

  const coreOf = ({ scoreHistory: _s, stageHistory: _h, ...core }: Lead): LeadCore => core;

  return {
    get,
    async find(teamId, company, domain) {
      const id = await resolveId(teamId, company, domain);
      return id === undefined ? undefined : get(teamId, id);
    },
    qualify(teamId, input) {
      return this.qualifyScored(teamId, input, () => input);
    },
    async qualifyScored(teamId, input, score) {
      const chosen = input.leadId === undefined ? undefined : await get(teamId, input.leadId);
      const resolved = chosen?.id ?? (await resolveId(teamId, input.company, input.domain));
      const id = resolved ?? newLeadId(input.company, input.domain);
      const existing = chosen ?? (await get(teamId, id));
      const scored = score(existing);
      const figures: ScoreFigures = {
        score: scored.score,
        maxScore: scored.maxScore,
        verdict: scored.verdict,
      };
      const core = mergeQualification(id, existing && coreOf(existing), { ...input, ...figures });
      const entry: ScoreEntry = { at: input.at.toISOString(), ...figures };
      const firstStage = existing ? undefined : firstStageEntry(input);
      const tx = redis.multi();
      save(tx, teamId, core, existing?.stage);
      tx.rpush(keys.leadScores(teamId, id), JSON.stringify(entry));
      if (entry.verdict !== 'disqualified')
        tx.hset(keys.leadScoreDays(teamId, id), scoreDay(entry), JSON.stringify(entry));
      if (firstStage) tx.rpush(keys.leadStages(teamId, id), JSON.stringify(firstStage));
      const name = normaliseCompanyName(input.company);
      if (name !== '') tx.hsetnx(keys.leadNames(teamId), name, id);
      if (core.domain !== undefined) tx.hset(keys.leadDomains(teamId), core.domain, id);
      await run(tx);
      // The lead as written, without reading it back: what was read plus the entries just appended.
      const lead: Lead = {
        ...core,
        scoreHistory: [...(existing?.scoreHistory ?? []), entry],
        stageHistory: existing?.stageHistory ?? (firstStage ? [firstStage] : []),
      };
      return { lead, created: !existing, scored };
    },
    async moveStage(teamId, leadId, move) {
      const lead = await mustGet(teamId, leadId);
      const core: LeadCore = { ...coreOf(lead), stage: move.stage, updatedAt: move.at.toISOString() };
      const entry: StageEntry = {
        stage: move.stage,
        enteredAt: move.at.toISOString(),
        by: move.by,
        exitCriteriaMet: move.exitCriteriaMet,
        unmet: move.unmet,
      };
      const tx = redis.multi();
      save(tx, teamId, core, lead.stage);
      tx.rpush(keys.leadStages(teamId, leadId), JSON.stringify(entry));
      const skipped = move.skipped ?? [];
      if (!move.exitCriteriaMet || skipped.length > 0) {
        // Kept for the alert run (stage-skipped rule); a month of them, older ones go as new ones come.
        const appMove: AppStageMove = {
          leadId,
          company: lead.company,
          ownerId: lead.ownerId,
          from: lead.stage,
          stage: move.stage,
          at: entry.enteredAt,
          exitCriteriaMet: move.exitCriteriaMet,
          unmet: move.unmet,
          skipped,
          ...(lead.amount === undefined ? {} : { amount: lead.amount }),
        };
        const movesKey = alertKeys(keys).moves(teamId);
        const ms = move.at.getTime();
        tx.zadd(movesKey, ms, JSON.stringify(appMove));
        tx.zremrangebyscore(movesKey, '-inf', ms - APP_MOVE_DAYS * 24 * 3600 * 1000);
      }
      await run(tx);
      return mustGet(teamId, leadId);
    },
    async disqualify(teamId, leadId, mark) {
      const lead = await mustGet(teamId, leadId);
      const at = mark.at.toISOString();
      const last = lead.scoreHistory.at(-1);
      const core: LeadCore = {
        ...coreOf(lead),
        disqualified: { reason: mark.reason, at, by: mark.by },
        updatedAt: at,
      };
      const entry: ScoreEntry = {
        at,
        score: last?.score ?? 0,
        maxScore: last?.maxScore ?? 0,
        verdict: 'disqualified',
      };
      const tx = redis.multi();
      save(tx, teamId, core, lead.stage);
      tx.rpush(keys.leadScores(teamId, leadId), JSON.stringify(entry));
      await run(tx);
      return mustGet(teamId, leadId);
    },
    async listByOwner(teamId, ownerId, limit = 100) {
      const ids = await redis.zrevrange(keys.leadsByOwner(teamId, ownerId), 0, limit - 1);
      const leads = await Promise.all(ids.map((id) => get(teamId, id)));
      return leads.filter((l): l is Lead => l !== undefined);
    },
    idsInStage(teamId, stage, limit = 100) {
      return redis.zrevrange(keys.leadsByStage(teamId, stage), 0, limit - 1);
    },
  };
}
