import { masters, type RedisClient } from '../redis-client.js';
import { type AccountRepository, createAccountRepository } from './accounts.js';
import { type AlertRepository, createAlertRepository } from './alerts.js';
import { type BlueprintRepository, createBlueprintRepository } from './blueprints.js';
import { createTokenCipher } from './crypto.js';
import { createDealRepository, type DealRepository } from './deals.js';
import { createImportPreviewRepository, type ImportPreviewRepository } from './deals-previews.js';
import { createDigestRepository, type DigestRepository } from './digests.js';
import { createDraftRepository, type DraftRepository } from './drafts.js';
import { createEventLedger, type EventLedger } from './events.js';
import { createIcpRepository, type IcpRepository } from './icp.js';
import { type FinalizedIcp, finalizedIcp } from './icp-final.js';
import { createInstallationRepository, type InstallationRepository } from './installations.js';
import { createKeys, DEFAULT_KEY_PREFIX, type Keys } from './keys.js';
import { createLeadRepository, type LeadRepository } from './leads.js';
import { createProfileRepository, type ProfileRepository } from './profiles.js';
import { purgeTeam } from './purge.js';
import { createSettingsRepository, type SettingsRepository } from './settings.js';
import { createSnapshotRepository, type SnapshotRepository } from './snapshots.js';

export type { AlertSettings, AlertSettingsPatch } from './alerts.js';
export type { BlueprintSummary } from './blueprints.js';
export type { DealCounts, ImportMeta, StagedImport } from './deals.js';
export type { PendingImport } from './deals-previews.js';
export type { DigestSettings } from './digests.js';
export type { Draft, DraftInput } from './drafts.js';
export type { IcpDraft, IcpVersion, Suggestion } from './icp.js';
export type { FinalizedIcp, IntakeIcp } from './icp-final.js';
export type { QualificationInput, StageMove } from './leads.js';
export type { SavedProfile } from './profiles.js';
export type { SettingsPatch, TeamSettings } from './settings.js';

/** Every repository the app uses, bound to one Redis connection and key prefix. */
export interface Store {
  keys: Keys;
  installations: InstallationRepository;
  profiles: ProfileRepository;
  drafts: DraftRepository;
  settings: SettingsRepository;
  blueprints: BlueprintRepository;
  events: EventLedger;
  /** Imported deals (all-or-nothing imports), their stages and the last import's metadata. */
  deals: DealRepository;
  /** Files previewed for import, waiting for the Import button. */
  importPreviews: ImportPreviewRepository;
  /** Qualified leads: answers, score and stage history, indexed by owner, stage, name and domain. */
  leads: LeadRepository;
  /** Each channel's weekly digest schedule. */
  digests: DigestRepository;
  /** The dashboard's weekly snapshots, for the digest's trends. */
  snapshots: SnapshotRepository;
  /** The team's shared ICP drafts, their versions and suggestions. */
  icp: IcpRepository;
  /** What is known about the team's accounts (sector, size, revenue, place), from the last accounts.csv. */
  accounts: AccountRepository;
  /** Deal alerts: settings, owner mappings, mutes, snoozes, rep quotas, the previous import, pending alerts. */
  alerts: AlertRepository;
  /** The latest finalized ICP of a business (the saved profile's by default); undefined before the first. */
  finalizedIcp(teamId: string, business?: string): Promise<FinalizedIcp | undefined>;
  /** Deletes every key of the team (installation, profile, drafts, settings, blueprint…); returns the count. */
  purgeTeam(teamId: string): Promise<number>;
}

export interface StoreOptions {
  /** Key prefix, `so` unless set; tests use a random one. */
  prefix?: string;
  /** TOKEN_ENCRYPTION_KEY; needed to save or read installations. */
  encryptionKey?: string | undefined;
}

/** Creates the store. */
export function createStore(redis: RedisClient, options: StoreOptions = {}): Store {
  const keys = createKeys(options.prefix ?? DEFAULT_KEY_PREFIX);
  const cipher = options.encryptionKey ? createTokenCipher(options.encryptionKey) : undefined;
  const profiles = createProfileRepository(redis, keys);
  const icps = createIcpRepository(redis, keys);
  return {
    keys,
    installations: createInstallationRepository(redis, keys, cipher),
    profiles,
    drafts: createDraftRepository(redis, keys),
    settings: createSettingsRepository(redis, keys),
    blueprints: createBlueprintRepository(redis, keys),
    events: createEventLedger(redis, keys),
    deals: createDealRepository(redis, keys),
    importPreviews: createImportPreviewRepository(redis, keys),
    leads: createLeadRepository(redis, keys),
    digests: createDigestRepository(redis, keys),
    snapshots: createSnapshotRepository(redis, keys),
    icp: icps,
    accounts: createAccountRepository(redis, keys),
    alerts: createAlertRepository(redis, keys),
    finalizedIcp: (teamId, business) => finalizedIcp(icps, profiles, teamId, business),
    // A team's keys share its hash tag, so on a cluster they all sit on one master; each is asked, since
    // which one holds the slot can change with a resharding.
    purgeTeam: async (teamId) => {
      let deleted = 0;
      for (const node of await masters(redis)) deleted += await purgeTeam(node, keys, teamId);
      return deleted;
    },
  };
}
