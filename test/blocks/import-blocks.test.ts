import { describe, expect, it } from 'vitest';
import { renderImportPreview } from '../../src/blocks/import-preview.js';
import {
  renderImportDone,
  renderImportProgress,
  renderImportRefused,
} from '../../src/blocks/import-result.js';
import { checkMessage, checkView } from '../../src/blocks/limits.js';
import type { AuditReport } from '../../src/engines/crm/index.js';
import { customStages } from '../../src/engines/pipeline/index.js';
import { describeMapping } from '../../src/import/index.js';
import { IMPORT_BLOCK_IDS, IMPORT_CONFIRM_ACTION_ID } from '../../src/views/import/ids.js';
import { buildImportModal, MAX_IMPORT_BYTES, parseImportSubmission } from '../../src/views/import/modal.js';

const long = (n: number) => 'x<&>'.repeat(n / 4);
const wideHeader = [
  'Record ID',
  'Deal Name',
  'Deal Stage',
  'Amount',
  ...Array.from({ length: 150 }, (_, i) => `Custom property ${i} ${long(40)}`),
];
const rejected = Array.from({ length: 10 }, (_, i) => ({ row: i + 2, reason: `row ${i + 2}: ${long(800)}` }));
const json = (value: unknown) => JSON.stringify(value);

const preview = (total: number) =>
  renderImportPreview({
    fileName: `${long(300)}.csv`,
    mapping: describeMapping('hubspot', wideHeader),
    detected: true,
    check: { rowsRead: 120_000, accepted: 119_000, rejectedCount: 1000, rejected },
    current: {
      total,
      ...(total > 0
        ? {
            last: {
              fileName: 'old.csv',
              importedAt: '2024-05-01T10:00:00.000Z',
            },
          }
        : {}),
    },
    previewId: 'abc123',
    note: long(400),
  });

describe('import preview message', () => {
  it('stays within Slack limits for a wide file with long, markup-laden values', () => {
    const message = preview(5);
    expect(checkMessage(message)).toEqual({ ok: true });
    const sections = message.blocks.filter((b) => b.type === 'section');
    expect(json(sections)).not.toContain('x<&>');
    expect(json(message)).toContain('Not imported (151)');
    expect(json(message)).toContain('… and 990 more');
  });

  it('carries the preview id on its buttons and asks before replacing stored deals', () => {
    const message = preview(5);
    const actions = message.blocks.at(-1);
    expect(actions?.type).toBe('actions');
    expect(json(actions)).toContain(`"action_id":"${IMPORT_CONFIRM_ACTION_ID}"`);
    expect(json(actions)).toContain('"value":"abc123"');
    expect(json(actions)).toContain('Replace the stored deals?');
    expect(json(message)).toContain(
      "Importing replaces the team's 5 deals from old.csv, imported 2024-05-01",
    );
    expect(json(preview(0).blocks.at(-1))).not.toContain('"confirm":{');
  });
});

const audit: AuditReport = {
  checked: 120_000,
  issues: [],
  counts: { 'required-fields': 1425, 'stale-deal': 30, 'duplicate-company': 0, 'past-close-date': 2 },
  examples: {
    'required-fields': ['A: missing account', 'B: missing owner', 'C: missing amount'],
    'stale-deal': [`D: ${long(3000)}`, `E: ${long(3000)}`, `F: ${long(3000)}`],
    'past-close-date': [
      'G: expected to close 2017-01-01, still open',
      'H: expected to close 2017-01-02, still open',
    ],
  },
};

describe('import result messages', () => {
  const stages = customStages([
    { name: 'Prospecting', kind: 'open' },
    { name: 'Engaging', kind: 'open' },
    { name: 'Won', kind: 'won' },
    { name: 'Lost', kind: 'lost' },
  ]);
  const done = renderImportDone({
    fileName: 'sales_pipeline.csv',
    result: {
      source: 'maven',
      mapping: describeMapping('maven', ['opportunity_id']),
      rowsRead: 120_000,
      accepted: 119_000,
      rejected,
      rejectedCount: 1000,
    },
    stages,
    audit,
    counts: { total: 119_000, open: 9000, won: 60_000, lost: 50_000 },
  });

  it('reports counts, the first rejected rows with their numbers, the stages and the audit, within limits', () => {
    expect(checkMessage(done)).toEqual({ ok: true });
    const text = json(done);
    expect(text).toContain('119,000 deals imported');
    expect(text).toContain('9,000 open, 60,000 won, 50,000 lost');
    expect(text).toContain('1,000 rows rejected');
    expect(text).toContain('• row 2: ');
    expect(text).toContain('Pipeline stages: Prospecting → Engaging → Won / Lost');
    expect(text).toContain('*Missing required fields: 1,425*');
    expect(text).toContain('• A: missing account');
    expect(text).toContain('*Close dates in the past: 2*');
    expect(text).toContain('Clean: Duplicates, Bad formats, Stage problems.');
  });

  it('shows progress as a bar and a share of the rows the preview counted', () => {
    const progress = renderImportProgress({ fileName: 'a.csv', rows: 3000, total: 12_000 });
    expect(progress.text).toBe('Importing a.csv: 3,000 of 12,000 rows (25%)');
    expect(json(progress)).toContain('█████░░░░░░░░░░░░░░░');
    expect(checkMessage(progress)).toEqual({ ok: true });
  });

  it('lists why a file was refused and that nothing changed, within limits', () => {
    const refused = renderImportRefused({
      fileName: 'bad.csv',
      problems: Array.from({ length: 40 }, (_, i) => ({ path: `line ${i}`, message: long(2000) })),
      mapping: describeMapping('maven', ['opportunity_id', 'deal_stage']),
    });
    expect(checkMessage(refused)).toEqual({ ok: true });
    expect(json(refused)).toContain('nothing was changed');
    expect(json(refused)).toMatch(/… and \d+ more/);
    expect(json(refused)).toContain('Missing required columns:* engage_date, close_date, close_value');
  });
});

describe('import modal', () => {
  const file = (name: string, size = 100) => ({
    id: 'F1',
    name,
    size,
    url_private_download: `https://files.slack.com/files-pri/T1-F1/download/${name}`,
  });
  const values = (files: unknown[], source = 'auto') => ({
    [IMPORT_BLOCK_IDS.file]: { import_file_value: { files } },
    [IMPORT_BLOCK_IDS.source]: { import_source_value: { selected_option: { value: source } } },
  });

  it('is a valid modal with a CSV file input, pre-selecting a named source', () => {
    expect(checkView(buildImportModal())).toEqual({ ok: true });
    expect(json(buildImportModal('pipedrive'))).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Pipedrive deals export"},"value":"pipedrive"}',
    );
  });

  it('reads a CSV file and the chosen source; auto leaves the source to the header row', () => {
    expect(parseImportSubmission(values([file('deals.csv')]))).toEqual({
      ok: true,
      data: {
        file: {
          id: 'F1',
          name: 'deals.csv',
          url: 'https://files.slack.com/files-pri/T1-F1/download/deals.csv',
        },
      },
    });
    expect(parseImportSubmission(values([file('deals.CSV')], 'salesforce'))).toMatchObject({
      ok: true,
      data: { source: 'salesforce' },
    });
  });

  it.each([
    ['no file', [], 'Attach the CSV export to import.'],
    ['two files', [file('a.csv'), file('b.csv')], 'Attach one file at a time.'],
    ['a spreadsheet', [file('deals.xlsx')], 'deals.xlsx is not a .csv file'],
    [
      'a file over the limit',
      [file('big.csv', MAX_IMPORT_BYTES + 1)],
      'big.csv is 50.0 MB; the import takes up to 50.0 MB',
    ],
  ])('answers %s with an inline error on the file input', (_, files, message) => {
    const result = parseImportSubmission(values(files));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[IMPORT_BLOCK_IDS.file]).toContain(message);
  });
});
