import type { Installation } from '@slack/oauth';
import { ConfigError, InputError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import type { TokenCipher } from './crypto.js';
import type { Keys } from './keys.js';

/** Which installation: Bolt's InstallationQuery or an event's team and enterprise ids. */
export interface OwnerQuery {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** Installations (bot tokens included), encrypted at rest; org-wide installs are keyed by enterprise id. */
export interface InstallationRepository {
  save(installation: Installation): Promise<void>;
  find(query: OwnerQuery): Promise<Installation | undefined>;
  remove(query: OwnerQuery): Promise<void>;
  /** When the installation was last saved (ms since the epoch), or undefined when there is none. */
  installedAt(query: OwnerQuery): Promise<number | undefined>;
}

/** The id an installation is stored under: the enterprise for org-wide installs, the workspace otherwise. */
export function installationOwner(query: OwnerQuery): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return query.enterpriseId;
  if (query.teamId) return query.teamId;
  if (query.enterpriseId) return query.enterpriseId;
  throw new InputError('an installation needs a team id or, for org-wide installs, an enterprise id');
}

function ownerOf(installation: Installation): string {
  return installationOwner({
    isEnterpriseInstall: installation.isEnterpriseInstall,
    enterpriseId: installation.enterprise?.id,
    teamId: installation.team?.id,
  });
}

/** Creates the installation repository; without a cipher it can still delete but refuses to read or write. */
export function createInstallationRepository(
  redis: RedisClient,
  keys: Keys,
  cipher: TokenCipher | undefined,
): InstallationRepository {
  const needCipher = (): TokenCipher => {
    if (cipher) return cipher;
    throw new ConfigError([
      {
        path: 'TOKEN_ENCRYPTION_KEY',
        message: 'is needed to store installations; make one with `openssl rand -hex 32`',
      },
    ]);
  };
  return {
    async save(installation) {
      const owner = ownerOf(installation);
      const key = keys.installation(owner);
      const sealed = needCipher().seal(JSON.stringify(installation), key);
      await redis.multi().set(key, sealed).set(keys.installedAt(owner), String(Date.now())).exec();
    },
    async find(query) {
      const key = keys.installation(installationOwner(query));
      const sealed = await redis.get(key);
      if (sealed === null) return undefined;
      return JSON.parse(needCipher().open(sealed, key)) as Installation;
    },
    async remove(query) {
      const owner = installationOwner(query);
      await redis.unlink(keys.installation(owner), keys.installedAt(owner));
    },
    async installedAt(query) {
      const value = await redis.get(keys.installedAt(installationOwner(query)));
      return value === null ? undefined : Number(value);
    },
  };
}
