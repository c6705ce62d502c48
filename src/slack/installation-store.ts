import type { InstallationStore } from '@slack/oauth';
import type { InstallationRepository } from '../store/installations.js';

/** Thrown to Bolt when a workspace has no stored installation; Bolt then answers with an authorization error. */
export class NoInstallationError extends Error {
  constructor(owner: string) {
    super(`sales-ops is not installed in ${owner}; install it from /slack/install`);
    this.name = 'NoInstallationError';
  }
}

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
