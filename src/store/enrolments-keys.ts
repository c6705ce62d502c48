import type { Keys } from './keys.js';

/** A lead id or delivery key as a key part: percent-encoded, so spaces or newlines never reach a key name. */
const part = (value: string): string => encodeURIComponent(value);

/**
 * Names every follow-up key. All of them sit under the team's hash tag (`so:{T123}:fu:…`), so a Lua script
 * may touch several of one team's keys on Redis Cluster and uninstalling purges them with the rest.
 */
export function followupKeys(keys: Keys) {
  const fu = keys.followups;
  return {
    /** JSON of one enrolment. */
    enrolment: (teamId: string, id: string) => fu(teamId, 'enrolment', part(id)),
    /** Prefix of enrolment keys, for the Lua guard that checks whether an active id is stale. */
    enrolmentPrefix: (teamId: string) => fu(teamId, 'enrolment', ''),
    /** The id of the lead's active enrolment; set with NX so a lead is never enrolled twice at once. */
    activeLead: (teamId: string, leadId: string) => fu(teamId, 'active', part(leadId)),
    /** Set of the team's active enrolment ids. */
    activeIndex: (teamId: string) => fu(teamId, 'active-enrolments'),
    /** Set of one rep's active enrolment ids. */
    repIndex: (teamId: string, userId: string) => fu(teamId, 'rep', part(userId), 'enrolments'),
    /** Cached users.info facts about a rep (time zone, name), with a TTL. */
    repProfile: (teamId: string, userId: string) => fu(teamId, 'rep', part(userId), 'profile'),
    /** JSON list of a rep's absences. */
    absences: (teamId: string, userId: string) => fu(teamId, 'rep', part(userId), 'ooo'),
    /** Hash of the sequence versions enrolments run, `id@version` → JSON; a version never changes once written. */
    sequenceVersions: (teamId: string) => fu(teamId, 'sequence-versions'),
    /** Hash of the team's sequences, id → JSON. */
    sequences: (teamId: string) => fu(teamId, 'sequences'),
    /** JSON list of the team's holidays, `YYYY-MM-DD`. */
    holidays: (teamId: string) => fu(teamId, 'holidays'),
    /** Hash recording one delivery: claimed, then posted with its channel and ts. */
    delivery: (teamId: string, key: string) => fu(teamId, 'delivery', part(key)),
    /** Hash of A/B counters of one step: `a:sends`, `a:replies`, `b:sends`… */
    ab: (teamId: string, stepKey: string) => fu(teamId, 'ab', part(stepKey)),
    /** Set of the step keys that have A/B counters. */
    abIndex: (teamId: string) => fu(teamId, 'ab-steps'),
    /** Set of `queue/jobId` entries of the team's jobs, so uninstalling removes them without a scan. */
    jobs: (teamId: string) => fu(teamId, 'jobs'),
    /** The next free posting slot (ms) of one channel, for the sender's pace. */
    pace: (teamId: string, channel: string) => fu(teamId, 'pace', part(channel)),
  };
}

export type FollowupKeys = ReturnType<typeof followupKeys>;
