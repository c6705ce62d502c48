import type { WebClient } from '@slack/web-api';
import { renderImportPreview } from '../../blocks/import-preview.js';
import { renderImportNotice } from '../../blocks/import-result.js';
import { importDeals } from '../../import/index.js';
import type { ImportSubmission } from '../../views/import/modal.js';
import { MAX_IMPORT_BYTES } from '../../views/import/modal.js';
import type { CommandDeps } from '../types.js';
import { type Download, downloadSlackFile } from './download.js';
import { importMessage, showImportFailure } from './message.js';

/** How many rejected rows the preview lists. */
const PREVIEW_REJECTED = 10;

/**
 * Open Maven deals carry no close_value; only a price list values them, and the ICP match alert reads the
 * accounts file: one Slack file brings neither.
 */
const MAVEN_NOTE =
  'Open deals in this file have no close_value, so they are stored without an amount, and its accounts are not known for the ICP match alert. To bring both, import from a terminal instead: `sales-ops import sales_pipeline.csv --team TEAM --products products.csv --accounts accounts.csv`.';

export interface PreviewRequest {
  client: WebClient;
  token: string;
  teamId: string;
  userId: string;
  submission: ImportSubmission;
}

/**
 * Reads the submitted file without storing anything and shows the person, in their DM with the app, how its
 * columns map and what a dry run found, with Import and Cancel buttons; a refused file gets its reasons instead.
 * The pending file (its id, URL and source, never the token) waits in Redis for the button.
 */
export async function previewImport(request: PreviewRequest, deps: CommandDeps): Promise<void> {
  const { client, submission, teamId, userId } = request;
  const { file, source } = submission;
  const posted = await client.chat.postMessage({
    channel: userId,
    ...renderImportNotice(`Reading ${file.name}… nothing is stored until you confirm.`),
  });
  if (!posted.channel || !posted.ts) throw new Error('chat.postMessage returned no channel or ts');
  const message = importMessage(client, posted.channel, posted.ts);
  let download: Download | undefined;
  try {
    download = await downloadSlackFile(file.url, request.token, MAX_IMPORT_BYTES);
    const check = await importDeals(download.stream, {
      now: deps.now().toISOString(),
      sink: async () => undefined,
      maxRejectedListed: PREVIEW_REJECTED,
      ...(source === undefined ? {} : { source }),
    });
    const [count, last] = await Promise.all([
      deps.store.deals.countDeals(teamId),
      deps.store.deals.lastImport(teamId),
    ]);
    const previewId = await deps.store.importPreviews.save(teamId, {
      userId,
      fileId: file.id,
      fileName: file.name,
      url: file.url,
      source: check.source,
      rows: check.rowsRead,
      createdAt: deps.now().toISOString(),
    });
    await message.show(
      renderImportPreview({
        fileName: file.name,
        mapping: check.mapping,
        detected: source === undefined,
        check,
        current: { total: count.total, ...(last ? { last } : {}) },
        previewId,
        ...(check.source === 'maven' ? { note: MAVEN_NOTE } : {}),
      }),
    );
  } catch (error) {
    const head = download?.head();
    await showImportFailure(message, error, {
      fileName: file.name,
      deps,
      ...(source === undefined ? {} : { source }),
      ...(head === undefined ? {} : { head }),
    });
  }
}
