import { InputError } from '../../errors.js';
import { SOURCES, type Source } from '../../import/index.js';
import { isStaleTrigger } from '../../slack/stale-trigger.js';
import { buildImportModal } from '../../views/import/modal.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandHandler } from '../types.js';

function isSource(word: string): word is Source {
  return (SOURCES as readonly string[]).includes(word);
}

/** The source named after `import`, if any: `/sales-ops import hubspot` pre-selects HubSpot. */
function sourceFrom(args: string): Source | undefined {
  const word = args.trim().toLowerCase();
  if (word === '') return undefined;
  if (isSource(word)) return word;
  throw new InputError(
    `"${args.trim()}" is not a CRM this import reads. Use \`${SLASH_COMMAND} import\` and pick the file, or name one of ${SOURCES.join(', ')}: \`${SLASH_COMMAND} import hubspot\`.`,
  );
}

/** `/sales-ops import [source]`: opens the import modal (a CSV file input and the system it comes from). */
export const importCsv: CommandHandler = async (request) => {
  const source = sourceFrom(request.args);
  if (request.triggerId === undefined) {
    await request.reply({ text: `Run \`${SLASH_COMMAND} import\` to pick a CSV export to import.` });
    return;
  }
  try {
    await request.client.views.open({ trigger_id: request.triggerId, view: buildImportModal(source) });
  } catch (error) {
    if (isStaleTrigger(error)) {
      throw new InputError(
        `The import form took too long to open, so Slack refused it. Run \`${SLASH_COMMAND} import\` again.`,
      );
    }
    throw error;
  }
};
