import { InputError } from '../errors.js';

/** Slack ids (T…, E…, U…, W…, Ev…) are letters and digits; anything else could escape its key or match a pattern. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PREFIX_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/** The default prefix of every key the app writes. */
export const DEFAULT_KEY_PREFIX = 'so';

/** Lead ids from leadIdFor: `d:acme.com` or `c:acme-co`; nothing that could match a SCAN pattern. */
const LEAD_ID_PATTERN = /^[cd]:[a-z0-9.-]{1,250}$/;

function checkLeadId(leadId: string): string {
  if (!LEAD_ID_PATTERN.test(leadId)) throw new InputError(`lead id "${leadId}" is not one this app made`);
  return leadId;
}

/** A stage name as a key part: `Closed Won` → `closed-won`. */
function stageSlug(stage: string): string {
  const slug = stage
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug === '' || slug.length > 64) throw new InputError(`stage "${stage}" cannot name a key`);
  return slug;
}

/** An ISO week such as `2026-W48`. */
function checkWeek(week: string): string {
  if (!/^\d{4}-W\d{2}$/.test(week))
    throw new InputError(`week "${week}" is not an ISO week such as 2026-W48`);
  return week;
}

function checkId(kind: string, id: string): string {
  if (!ID_PATTERN.test(id))
    throw new InputError(`${kind} "${id}" is not a Slack id (letters and digits only)`);
  return id;
}

/**
 * Builds every Redis key name. Each key carries its team (or enterprise, for org-wide installs) as a
 * hash tag, `so:{T123}:…`, so all of a team's keys live in one Cluster slot.
 */
export function createKeys(prefix: string = DEFAULT_KEY_PREFIX) {
  if (!PREFIX_PATTERN.test(prefix))
    throw new InputError(`key prefix "${prefix}" must be letters, digits, . _ or -`);
  const team = (teamId: string) => `${prefix}:{${checkId('team id', teamId)}}`;
  return {
    prefix,
    installation: (teamId: string) => `${team(teamId)}:installation`,
    profile: (teamId: string) => `${team(teamId)}:profile`,
    draft: (teamId: string, userId: string) => `${team(teamId)}:draft:${checkId('user id', userId)}`,
    settings: (teamId: string) => `${team(teamId)}:settings`,
    blueprint: (teamId: string) => `${team(teamId)}:blueprint`,
    /** An event id already handled: outside the team's pattern (same hash tag), so a purge keeps it. */
    event: (teamId: string, eventId: string) =>
      `${prefix}:event:{${checkId('team id', teamId)}}:${checkId('event id', eventId)}`,
    /** When the installation was last saved (ms), to tell a reinstall from the install an event is about. */
    installedAt: (teamId: string) => `${team(teamId)}:installed-at`,
    /** Follow-up keys (enrolments, deliveries, sequences…): `so:{T123}:fu:<part>:<part>…`, built by enrolments-keys.ts. */
    followups: (teamId: string, ...parts: string[]) => `${team(teamId)}:fu:${parts.join(':')}`,
    /** One lead's record, its score history and its stage history (see store/leads.ts). */
    lead: (teamId: string, leadId: string) => `${team(teamId)}:lead:${checkLeadId(leadId)}`,
    leadScores: (teamId: string, leadId: string) => `${team(teamId)}:lead:${checkLeadId(leadId)}:scores`,
    leadStages: (teamId: string, leadId: string) => `${team(teamId)}:lead:${checkLeadId(leadId)}:stages`,
    /** Hash of the lead's qualification days, `YYYY-MM-DD` → that day's last score entry: the history's summary. */
    leadScoreDays: (teamId: string, leadId: string) =>
      `${team(teamId)}:lead:${checkLeadId(leadId)}:score-days`,
    /** Lead ids by owner and by stage, scored by last update; and lead ids by normalised name and by domain. */
    leadsByOwner: (teamId: string, userId: string) =>
      `${team(teamId)}:leads:owner:${checkId('user id', userId)}`,
    leadsByStage: (teamId: string, stage: string) => `${team(teamId)}:leads:stage:${stageSlug(stage)}`,
    leadNames: (teamId: string) => `${team(teamId)}:leads:names`,
    leadDomains: (teamId: string) => `${team(teamId)}:leads:domains`,
    /** Deal keys: `so:{T123}:deals` and `so:{T123}:deals:<part>…`, built by deals-keys.ts. */
    deals: (teamId: string, ...parts: string[]) => [`${team(teamId)}:deals`, ...parts].join(':'),
    /** Import keys (staging, pending previews): `so:{T123}:import:<part>…`, built by deals-keys.ts. */
    imports: (teamId: string, ...parts: string[]) => `${team(teamId)}:import:${parts.join(':')}`,
    /** One channel's weekly digest settings (store/digests.ts). */
    digest: (teamId: string, channelId: string) =>
      `${team(teamId)}:digest:${checkId('channel id', channelId)}`,
    /** Every `team/channel` with a digest, so workers can upsert the schedulers at start; outside any team. */
    digestIndex: () => `${prefix}:digests`,
    /** Every team whose deal alerts run daily, so workers can upsert their schedulers at start; outside any team. */
    alertTeamIndex: () => `${prefix}:alert-teams`,
    /** Hash of account name (as imported) → what is known about it, from the import's accounts.csv. */
    accounts: (teamId: string) => `${team(teamId)}:accounts`,
    /** The dashboard's figures of one ISO week, `so:{T123}:snapshot:2026-W48` (store/snapshots.ts). */
    snapshot: (teamId: string, week: string) => `${team(teamId)}:snapshot:${checkWeek(week)}`,
    /** The team's ICP keys: `so:{T123}:icp:<part>…`, built by store/icp.ts. */
    icp: (teamId: string, ...parts: string[]) => `${team(teamId)}:icp:${parts.join(':')}`,
    /** The team's deal alert keys: `so:{T123}:alerts:<part>…`, built by store/alerts-keys.ts. */
    alerts: (teamId: string, ...parts: string[]) => `${team(teamId)}:alerts:${parts.join(':')}`,
    /** SCAN pattern matching every key of one team. */
    teamPattern: (teamId: string) => `${team(teamId)}:*`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
