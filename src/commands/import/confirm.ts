import type { WebClient } from '@slack/web-api';
import { renderImportDone, renderImportNotice, renderImportProgress } from '../../blocks/import-result.js';
import { PREVIEW_TTL_SECONDS } from '../../store/deals-previews.js';
import { MAX_IMPORT_BYTES } from '../../views/import/modal.js';
import { queueImportAlerts } from '../alerts/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { type Download, downloadSlackFile } from './download.js';
import { type ImportMessage, importMessage, showImportFailure } from './message.js';
import { createProgressUpdater } from './progress.js';
import { type ImportRun, runImport } from './run.js';

/** Progress updates: at most one a second, and only after another batch of rows. */
const PROGRESS_INTERVAL_MS = 1000;
const PROGRESS_ROWS = 500;
/** How many rejected rows the final message lists; all are counted. */
const RESULT_REJECTED = 10;

/** A click on a preview's button: who clicked, in which team, on which message, for which pending file. */
export interface PreviewClick {
  client: WebClient;
  teamId: string;
  userId: string;
  channel: string;
  ts: string;
  previewId: string;
  enterpriseId?: string;
}

const expired = (message: ImportMessage) =>
  message.show(
    renderImportNotice(
      `This preview is no longer open (previews last ${PREVIEW_TTL_SECONDS / 60} minutes, and each imports once), so nothing was stored. Run \`${SLASH_COMMAND} import\` to import the file again.`,
    ),
  );

/**
 * Runs a previewed import: downloads the file again with the clicking request's bot token, replaces the team's
 * deals all or nothing while the message shows progress, then reports counts, rejected rows and the audit.
 */
export async function confirmImport(
  click: PreviewClick & { token: string },
  deps: CommandDeps,
): Promise<void> {
  const message = importMessage(click.client, click.channel, click.ts);
  // Taking the preview out of Redis makes a second click (or a second person) find nothing to run.
  const pending = await deps.store.importPreviews.take(click.teamId, click.previewId);
  if (pending === undefined || pending.userId !== click.userId) {
    await expired(message);
    return;
  }
  const progressOf = (rows: number) =>
    renderImportProgress({ fileName: pending.fileName, rows, total: pending.rows });
  await message.show(progressOf(0));
  const progress = createProgressUpdater({
    minIntervalMs: PROGRESS_INTERVAL_MS,
    minRows: PROGRESS_ROWS,
    now: () => performance.now(),
    update: (rows) => message.show(progressOf(rows)),
    onError: (error) => deps.logger.warn({ err: error }, 'import: a progress update failed'),
  });
  let download: Download | undefined;
  let run: ImportRun;
  try {
    download = await downloadSlackFile(pending.url, click.token, MAX_IMPORT_BYTES);
    run = await runImport(download.stream, {
      source: pending.source,
      now: deps.now().toISOString(),
      onProgress: (rows) => progress.report(rows),
      maxRejectedListed: RESULT_REJECTED,
      target: { deals: deps.store.deals, teamId: click.teamId, by: click.userId, fileName: pending.fileName },
    });
  } catch (error) {
    await progress.stop();
    const head = download?.head();
    await showImportFailure(message, error, {
      fileName: pending.fileName,
      source: pending.source,
      deps,
      ...(head === undefined ? {} : { head }),
    });
    return;
  }
  // From here the deals are stored: a failure to report it must not say that nothing changed.
  await progress.stop();
  deps.logger.info(
    { source: run.result.source, rows: run.result.rowsRead, accepted: run.result.accepted },
    'import stored',
  );
  if (run.stored) {
    // The team's alert rules run on the new deals in the worker; a failure to queue them leaves the deals kept.
    await queueImportAlerts(deps, {
      teamId: click.teamId,
      ...(click.enterpriseId ? { enterpriseId: click.enterpriseId } : {}),
      importId: run.stored.importId,
    }).catch((error: unknown) => deps.logger.warn({ err: error }, 'import: could not queue the alert run'));
  }
  const counts = await deps.store.deals.countDeals(click.teamId);
  await message.show(renderImportDone({ fileName: pending.fileName, ...run, counts }));
}

/** Cancels a previewed import: forgets the pending file and says that nothing was stored. */
export async function cancelImport(click: PreviewClick, deps: CommandDeps): Promise<void> {
  await deps.store.importPreviews.drop(click.teamId, click.previewId);
  await importMessage(click.client, click.channel, click.ts).show(
    renderImportNotice('Import cancelled; nothing was stored.'),
  );
}
