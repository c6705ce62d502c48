import type { InstallationStore } from '@slack/oauth';
import { NoInstallationError } from '../errors.js';
import type { InstallationRepository } from '../store/installations.js';

/** Adapts the encrypted Redis repository to the installation store Bolt's OAuth flow expects. */
export function createInstallationStore(installations: InstallationRepository): InstallationStore {
  return {
    storeInstallation: async (installation) => installations.save(installation),
    fetchInstallation: async (query) => {
      const found = await installations.find(query);
      if (!found) throw new NoInstallationError(query.enterpriseId ?? query.teamId ?? 'this workspace');
      return found;
    },
    deleteInstallation: async (query) => installations.remove(query),
  };
}
