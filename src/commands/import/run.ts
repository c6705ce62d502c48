import type { Readable } from 'node:stream';
import { appendAll } from '../../engines/append.js';
import { type AuditReport, auditRecords } from '../../engines/crm/index.js';
import { stagesForImport } from '../../engines/dashboard/index.js';
import type { Deal } from '../../engines/deal.js';
import type { StageDef } from '../../engines/pipeline/index.js';
import { type ImportResult, importDeals, type Source } from '../../import/index.js';
import type { DealRepository, ImportMeta } from '../../store/deals.js';

/** Where an import stores its deals; without one the run is a dry run that stores nothing. */
export interface ImportTarget {
  deals: DealRepository;
  teamId: string;
  /** Who ran the import: a Slack user id, or `cli`. */
  by: string;
  fileName?: string;
}

export interface RunImportOptions {
  source?: Source;
  /** The current time (ISO 8601): rows dated after it are rejected, and the audit measures staleness from it. */
  now: string;
  productPrices?: ReadonlyMap<string, number>;
  onProgress?: (rows: number) => void;
  batchSize?: number;
  maxRejectedListed?: number;
  /** Days without a stage change after which an open deal counts as stale (30 unless set). */
  staleDays?: number;
  target?: ImportTarget;
}

/** What an import read, the stages it implies, the hygiene audit of its deals, and what was stored. */
export interface ImportRun {
  result: ImportResult;
  stages: StageDef[];
  audit: AuditReport;
  /** The saved import metadata; absent on a dry run. */
  stored?: ImportMeta;
}

/**
 * Reads a CRM export and, with a target, replaces the team's deals with it all or nothing: batches go to
 * staging keys and are swapped in only once the whole file was read; a refused file (InputError) or any other
 * failure deletes the staging keys and leaves the stored deals exactly as they were. Then audits the deals.
 */
export async function runImport(input: Readable, options: RunImportOptions): Promise<ImportRun> {
  const { target } = options;
  // The audit looks across all deals (duplicates, stale ones), so they are kept for it as they stream by.
  const deals: Deal[] = [];
  const staged = target?.deals.startImport(target.teamId);
  let result: ImportResult;
  let stages: StageDef[];
  let stored: ImportMeta | undefined;
  try {
    result = await importDeals(input, {
      now: options.now,
      sink: async (batch) => {
        appendAll(deals, batch);
        await staged?.write(batch);
      },
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.maxRejectedListed === undefined ? {} : { maxRejectedListed: options.maxRejectedListed }),
      ...(options.productPrices === undefined ? {} : { lookups: { productPrices: options.productPrices } }),
    });
    stages = stagesForImport(result.source, deals);
    if (staged && target) {
      stored = await staged.commit({
        meta: {
          source: result.source,
          ...(target.fileName === undefined ? {} : { fileName: target.fileName }),
          rows: result.rowsRead,
          accepted: result.accepted,
          rejected: result.rejectedCount,
          importedAt: new Date(options.now).toISOString(),
          by: target.by,
        },
        stages,
      });
    }
  } catch (error) {
    // The staging keys expire on their own within the hour, so a failed clean-up must not hide the real error.
    await staged?.discard().catch(() => undefined);
    throw error;
  }
  const audit = auditRecords({ deals }, { now: options.now, stages, staleDays: options.staleDays ?? 30 });
  return { result, stages, audit, ...(stored === undefined ? {} : { stored }) };
}
