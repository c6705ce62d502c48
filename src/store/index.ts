import type { Redis } from 'ioredis';
import { type BlueprintRepository, createBlueprintRepository } from './blueprints.js';
import { createTokenCipher } from './crypto.js';
import { createDraftRepository, type DraftRepository } from './drafts.js';
import { createEventLedger, type EventLedger } from './events.js';
import { createInstallationRepository, type InstallationRepository } from './installations.js';
import { createKeys, DEFAULT_KEY_PREFIX, type Keys } from './keys.js';
import { createProfileRepository, type ProfileRepository } from './profiles.js';
import { purgeTeam } from './purge.js';
import { createSettingsRepository, type SettingsRepository } from './settings.js';

export type { BlueprintSummary } from './blueprints.js';
export type { Draft, DraftInput } from './drafts.js';
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
export function createStore(redis: Redis, options: StoreOptions = {}): Store {
  const keys = createKeys(options.prefix ?? DEFAULT_KEY_PREFIX);
  const cipher = options.encryptionKey ? createTokenCipher(options.encryptionKey) : undefined;
  return {
    keys,
    installations: createInstallationRepository(redis, keys, cipher),
    profiles: createProfileRepository(redis, keys),
    drafts: createDraftRepository(redis, keys),
    settings: createSettingsRepository(redis, keys),
    blueprints: createBlueprintRepository(redis, keys),
    events: createEventLedger(redis, keys),
    purgeTeam: (teamId) => purgeTeam(redis, keys, teamId),
  };
}
