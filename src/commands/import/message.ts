import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { renderImportNotice, renderImportRefused } from '../../blocks/import-result.js';
import { DownloadError, InputError } from '../../errors.js';
import type { Source } from '../../import/index.js';
import type { CommandDeps } from '../types.js';
import { mappingForHeader, readHeaderRow } from './header.js';

/** One message of the import's conversation with a person, replaced in place as the import moves on. */
export interface ImportMessage {
  show(message: { text: string; blocks: KnownBlock[] }): Promise<void>;
}

/** The message at `channel` / `ts`, updated with chat.update. */
export function importMessage(client: WebClient, channel: string, ts: string): ImportMessage {
  return {
    async show(message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
  };
}

/**
 * Shows why an import did not happen: a refused file with its problems (and the mapping, when its header row
 * could be read), Slack refusing the download, or a failure on our side, which is logged. Nothing was stored.
 */
export async function showImportFailure(
  message: ImportMessage,
  error: unknown,
  context: { fileName: string; source?: Source; head?: Buffer; deps: CommandDeps },
): Promise<void> {
  const { deps, fileName } = context;
  deps.metrics.errors.inc({ source: 'import' });
  if (error instanceof InputError) {
    deps.logger.info({ problems: error.problems.length }, 'import refused: bad file');
    const header = context.head ? readHeaderRow(context.head) : undefined;
    const mapping = header ? mappingForHeader(header, context.source)?.mapping : undefined;
    await message.show(
      renderImportRefused({ fileName, problems: error.problems, ...(mapping ? { mapping } : {}) }),
    );
    return;
  }
  if (error instanceof DownloadError) {
    deps.logger.warn({ err: error }, 'import: Slack would not hand over the file');
    await message.show(renderImportNotice(`${error.message} Nothing was changed.`));
    return;
  }
  deps.logger.error({ err: error }, 'import failed');
  await message.show(
    renderImportNotice(
      'Sorry, the import failed on our side, so nothing was changed: your stored deals are as they were. Try again in a minute.',
    ),
  );
}
