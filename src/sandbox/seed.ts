import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accountsBeside, pricesBeside } from '../cli/csv-input.js';
import { runImport } from '../commands/import/index.js';
import type { Store } from '../store/index.js';

/** The Maven CRM sample shipped with the repository (fictitious, public-domain deals). */
export const MAVEN_PIPELINE = fileURLToPath(
  new URL('../../examples/maven-crm/sales_pipeline.csv', import.meta.url),
);

/**
 * Imports the Maven sample as the team's deals, with its accounts' facts for the ICP match alert, so the
 * pipeline, Home, digest and alerts have numbers to show.
 */
export async function seedSampleDeals(
  store: Pick<Store, 'deals' | 'accounts'>,
  teamId: string,
  now: Date,
): Promise<number> {
  const [prices, accounts] = await Promise.all([
    pricesBeside(MAVEN_PIPELINE),
    accountsBeside(MAVEN_PIPELINE),
  ]);
  const run = await runImport(createReadStream(MAVEN_PIPELINE), {
    now: now.toISOString(),
    source: 'maven',
    ...(prices === undefined ? {} : { productPrices: prices }),
    target: { deals: store.deals, teamId, by: 'sandbox', fileName: 'sales_pipeline.csv' },
  });
  if (accounts !== undefined) await store.accounts.replace(teamId, accounts);
  return run.result.accepted;
}
