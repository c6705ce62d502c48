import type { Deal } from '../../src/engines/deal.js';
import { customStages } from '../../src/engines/pipeline/index.js';
import type { StageDef } from '../../src/engines/pipeline/stages.js';
import type { ImportMeta } from '../../src/store/deals-schema.js';
import type { Store } from '../../src/store/index.js';

/** The Maven sample's stages, in the order its deals move through them. */
export const MAVEN_STAGES = customStages([
  { name: 'Prospecting', kind: 'open' },
  { name: 'Engaging', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
]);

/** How a test's import is recorded: who ran it, when, from which CRM, and the stages it brings. */
export interface TestImport {
  by: string;
  stages: readonly StageDef[];
  source?: ImportMeta['source'];
  /** ISO time of the import; now unless given. */
  importedAt?: string;
}

/** Stores `deals` as the team's deals, as an import of every row with none rejected would. */
export async function storeDeals(
  store: Pick<Store, 'deals'>,
  teamId: string,
  deals: readonly Deal[],
  run: TestImport,
): Promise<void> {
  const staged = store.deals.startImport(teamId);
  await staged.write([...deals]);
  await staged.commit({
    meta: {
      source: run.source ?? 'maven',
      rows: deals.length,
      accepted: deals.length,
      rejected: 0,
      importedAt: run.importedAt ?? new Date().toISOString(),
      by: run.by,
    },
    stages: run.stages,
  });
}
