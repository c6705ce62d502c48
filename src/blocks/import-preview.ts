import type { KnownBlock } from '@slack/types';
import { formatCount } from '../engines/blueprint/index.js';
import { type MappingPreview, type RejectedRow, SOURCE_DEFINITIONS } from '../import/index.js';
import { IMPORT_CANCEL_ACTION_ID, IMPORT_CONFIRM_ACTION_ID } from '../views/import/ids.js';
import { mrkdwn, truncate } from './format.js';
import { mappingMrkdwn, rejectedMrkdwn } from './import-parts.js';
import { LIMITS } from './limits.js';

/** Everything the preview shows: how the file maps, what a dry run of it found, and what it would replace. */

/** What the preview says about the import it would replace: its file and when it ran. */
export interface LastImport {
  fileName?: string | undefined;
  /** ISO date-time. */
  importedAt: string;
}

export interface ImportPreview {
  fileName: string;
  mapping: MappingPreview;
  /** True when the source was recognised from the header row rather than chosen. */
  detected: boolean;
  check: { rowsRead: number; accepted: number; rejectedCount: number; rejected: readonly RejectedRow[] };
  /** The team's deals that an import would replace. */
  current: { total: number; last?: LastImport };
  previewId: string;
  /** Something the person should know before importing, e.g. that open deals will have no amount. */
  note?: string;
}

function replacesLine(current: ImportPreview['current']): string {
  if (current.total === 0) return 'The team has no deals stored yet.';
  const from = current.last?.fileName ? ` from ${mrkdwn(current.last.fileName, 100)}` : '';
  const when = current.last ? `, imported ${current.last.importedAt.slice(0, 10)}` : '';
  return `Importing replaces the team's ${formatCount(current.total)} deals${from}${when}, all at once.`;
}

/** The mapping preview with Import and Cancel buttons; nothing is stored before Import is pressed. */
export function renderImportPreview(preview: ImportPreview): { text: string; blocks: KnownBlock[] } {
  const { check, mapping } = preview;
  const label = SOURCE_DEFINITIONS[mapping.source].label;
  const how = preview.detected ? 'recognised from its header row' : 'as you chose';
  const text = `Import preview of ${preview.fileName}: ${formatCount(check.accepted)} of ${formatCount(check.rowsRead)} rows can be imported.`;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`Import preview: ${preview.fileName}`, LIMITS.headerText) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: `Read as a *${label}*, ${how}.` } },
    { type: 'section', text: { type: 'mrkdwn', text: mappingMrkdwn(mapping) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Check:* ${formatCount(check.rowsRead)} rows read; ${formatCount(check.accepted)} can be imported.\n${rejectedMrkdwn(check.rejected, check.rejectedCount)}`,
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Nothing is stored until you press Import. ${replacesLine(preview.current)}`,
        },
      ],
    },
    {
      type: 'actions',
      block_id: 'import_preview_actions',
      elements: [
        {
          type: 'button',
          action_id: IMPORT_CONFIRM_ACTION_ID,
          text: { type: 'plain_text', text: `Import ${formatCount(check.accepted)} deals` },
          style: 'primary',
          value: preview.previewId,
          ...(preview.current.total > 0
            ? {
                confirm: {
                  title: { type: 'plain_text', text: 'Replace the stored deals?' },
                  text: {
                    type: 'plain_text',
                    text: `The team's ${formatCount(preview.current.total)} deals are replaced by the ${formatCount(check.accepted)} of this file.`,
                  },
                  confirm: { type: 'plain_text', text: 'Replace them' },
                  deny: { type: 'plain_text', text: 'Keep them' },
                },
              }
            : {}),
        },
        {
          type: 'button',
          action_id: IMPORT_CANCEL_ACTION_ID,
          text: { type: 'plain_text', text: 'Cancel' },
          value: preview.previewId,
        },
      ],
    },
  ];
  return { text, blocks };
}
