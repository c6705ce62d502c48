import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { SOURCE_DEFINITIONS, SOURCES, type Source } from '../../import/index.js';
import { fieldErrors } from '../field-errors.js';
import { AUTO_SOURCE, IMPORT_ACTION_IDS, IMPORT_BLOCK_IDS, IMPORT_CALLBACK_ID } from './ids.js';

/** Largest file the import takes (Slack's limit is far higher; this keeps one import's memory bounded). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const option = (value: string, text: string) => ({ text: { type: 'plain_text' as const, text }, value });
const SOURCE_OPTIONS = [
  option(AUTO_SOURCE, 'Recognise it from the header row'),
  ...SOURCES.map((source) => option(source, SOURCE_DEFINITIONS[source].label)),
];

/** The import modal: one CSV file and the system it comes from (recognised from its header unless chosen). */
export function buildImportModal(initialSource?: Source): ModalView {
  const initial = SOURCE_OPTIONS.find((o) => o.value === (initialSource ?? AUTO_SOURCE));
  return {
    type: 'modal',
    callback_id: IMPORT_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Import CRM deals' },
    submit: { type: 'plain_text', text: 'Preview' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            'Attach a deals export as CSV from HubSpot, Salesforce or Pipedrive. You will see how its columns map ' +
            'before anything is stored; importing replaces the deals imported before, all at once.',
        },
      },
      {
        type: 'input',
        block_id: IMPORT_BLOCK_IDS.file,
        label: { type: 'plain_text', text: 'CSV export' },
        element: { type: 'file_input', action_id: IMPORT_ACTION_IDS.file, filetypes: ['csv'], max_files: 1 },
        hint: { type: 'plain_text', text: `One .csv file, up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` },
      },
      {
        type: 'input',
        block_id: IMPORT_BLOCK_IDS.source,
        label: { type: 'plain_text', text: 'Exported from' },
        element: {
          type: 'static_select',
          action_id: IMPORT_ACTION_IDS.source,
          options: SOURCE_OPTIONS,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
    ],
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const fileSchema = z
  .array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      size: z.number().optional(),
      url_private_download: z.url({ protocol: /^https?$/ }),
    }),
    { error: 'Attach the CSV export to import.' },
  )
  .min(1, 'Attach the CSV export to import.')
  .max(1, 'Attach one file at a time.')
  .transform((files, ctx) => {
    const [file] = files;
    if (file === undefined) return z.NEVER;
    if (!file.name.toLowerCase().endsWith('.csv'))
      ctx.addIssue({
        code: 'custom',
        message: `${file.name} is not a .csv file: export the deals as CSV (comma-separated) and attach that.`,
      });
    if (file.size !== undefined && file.size > MAX_IMPORT_BYTES)
      ctx.addIssue({
        code: 'custom',
        message: `${file.name} is ${megabytes(file.size)}; the import takes up to ${megabytes(MAX_IMPORT_BYTES)}. Export fewer deals (e.g. one pipeline) and import that.`,
      });
    return { id: file.id, name: file.name, url: file.url_private_download };
  });

const submissionSchema = z.object({
  [IMPORT_BLOCK_IDS.file]: fileSchema,
  [IMPORT_BLOCK_IDS.source]: z.enum([AUTO_SOURCE, ...SOURCES], {
    error: 'Choose where the file comes from.',
  }),
});

/** A valid submission: the attached file as Slack describes it, and the chosen source (undefined: recognise it). */
export interface ImportSubmission {
  file: { id: string; name: string; url: string };
  source?: Source;
}

type StateValues = Record<
  string,
  Record<string, { files?: unknown; selected_option?: { value?: string } | null }>
>;

/** Reads the submitted modal; invalid input comes back as one message per input block, for `response_action: errors`. */
export function parseImportSubmission(
  values: StateValues,
): { ok: true; data: ImportSubmission } | { ok: false; errors: Record<string, string> } {
  const parsed = submissionSchema.safeParse({
    [IMPORT_BLOCK_IDS.file]: values[IMPORT_BLOCK_IDS.file]?.[IMPORT_ACTION_IDS.file]?.files ?? [],
    [IMPORT_BLOCK_IDS.source]:
      values[IMPORT_BLOCK_IDS.source]?.[IMPORT_ACTION_IDS.source]?.selected_option?.value ?? AUTO_SOURCE,
  });
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error) };
  }
  const source = parsed.data[IMPORT_BLOCK_IDS.source];
  return {
    ok: true,
    data: {
      file: parsed.data[IMPORT_BLOCK_IDS.file],
      ...(source === AUTO_SOURCE ? {} : { source }),
    },
  };
}
