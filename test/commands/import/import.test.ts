import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StoredMessage, SubmissionRejectedError } from '../../../src/sandbox/index.js';
import {
  IMPORT_ACTION_IDS,
  IMPORT_BLOCK_IDS,
  IMPORT_CALLBACK_ID,
  IMPORT_CANCEL_ACTION_ID,
  IMPORT_CONFIRM_ACTION_ID,
} from '../../../src/views/import/ids.js';
import { keysUnder } from '../../support/redis.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../../support/stand-in.js';

const MAVEN = fileURLToPath(new URL('../../../examples/maven-crm/sales_pipeline.csv', import.meta.url));
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/csv/${name}`, import.meta.url)));
/** The header and the first 1,200 deals of the Maven sample. */
const MAVEN_PART = `${readFileSync(MAVEN, 'utf8').split('\n').slice(0, 1201).join('\n')}\n`;

let ws: Workspace;

beforeAll(async () => {
  ws = await startWorkspace();
});
afterAll(async () => {
  await ws.stop();
});
beforeEach(() => {
  ws.slack.reset();
});

const textOf = (message: StoredMessage | undefined) => JSON.stringify(message?.blocks ?? message?.text ?? '');
const dm = () => ws.slack.messages(REP_ID);

/** The app's message in the rep's DM, once its text matches. */
async function dmMatching(pattern: RegExp): Promise<StoredMessage> {
  await expect.poll(() => dm().some((m) => pattern.test(textOf(m))), { timeout: 8000 }).toBe(true);
  const found = dm().find((m) => pattern.test(textOf(m)));
  if (!found) throw new Error('no such message');
  return found;
}

/** `/sales-ops import`, then the modal submitted with one file. */
async function submit(name: string, content: string | Uint8Array, source?: string): Promise<void> {
  await ws.slack.sendSlashCommand({ text: 'import', userId: REP_ID, channelId: CHANNEL_ID });
  await ws.slack.waitForCall('views.open');
  const reply = await ws.slack.sendViewSubmission({
    userId: REP_ID,
    values: {
      [IMPORT_BLOCK_IDS.file]: [{ name, content }],
      ...(source ? { [IMPORT_BLOCK_IDS.source]: source } : {}),
    },
  });
  expect(reply.status).toBe(200);
}

const click = (actionId: string, message: StoredMessage) =>
  ws.slack.sendBlockAction({
    userId: REP_ID,
    actionId,
    message: { channel: message.channel, ts: message.ts },
  });

const dealKeys = async () =>
  (await keysUnder(ws.app.redis, ws.app.prefix)).filter(
    (k) => k.includes(':deals') || k.includes(':import:'),
  );

describe('/sales-ops import in Slack', () => {
  it('opens a modal with a CSV file input and a source select', async () => {
    await ws.slack.sendSlashCommand({ text: 'import maven', userId: REP_ID, channelId: CHANNEL_ID });
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    const [stack] = ws.slack.views();
    const view = stack?.views[0];
    expect(view?.callback_id).toBe(IMPORT_CALLBACK_ID);
    const blocks = JSON.stringify(view?.blocks);
    expect(blocks).toContain(
      `"element":{"type":"file_input","action_id":"${IMPORT_ACTION_IDS.file}","filetypes":["csv"],"max_files":1}`,
    );
    expect(blocks).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Maven CRM sales_pipeline.csv"',
    );
  });

  it('shows the mapping first, imports on Import with progress, then reports the counts and the audit', async () => {
    await submit('sales_pipeline.csv', MAVEN_PART);
    expect(ws.slack.views()).toEqual([]);

    const preview = await dmMatching(/Import preview/);
    const shown = textOf(preview);
    expect(shown).toContain('Maven CRM sales_pipeline.csv');
    expect(shown).toContain('recognised from its header row');
    expect(shown).toMatch(/opportunity_id\s+→\s+deal id/);
    expect(shown).toContain('Required columns: all present.');
    expect(shown).toContain('1,200 rows read; 1,200 can be imported');
    expect(shown).toContain('Nothing is stored until you press Import.');
    expect(await ws.app.store.deals.countDeals(TEAM_ID)).toMatchObject({ total: 0 });
    const pending = (await dealKeys()).filter((k) => k.includes(':import:pending:'));
    expect(pending).toHaveLength(1);
    expect(await ws.app.redis.get(pending[0] ?? '')).not.toContain('xoxb');

    await click(IMPORT_CONFIRM_ACTION_ID, preview);
    await dmMatching(/Data hygiene audit/);
    const updates = ws.slack.calls('chat.update').map((c) => JSON.stringify(c.args));
    expect(updates.some((u) => u.includes('Importing sales_pipeline.csv'))).toBe(true);
    const done = textOf(dm().find((m) => m.ts === preview.ts));
    expect(done).toContain('1,200 deals imported');
    expect(done).toContain('No row was rejected.');
    expect(done).toMatch(/Missing required fields: \d+/);
    expect(done).toContain('Pipeline stages: Prospecting → Engaging → Won / Lost');

    const counts = await ws.app.store.deals.countDeals(TEAM_ID);
    expect(counts.total).toBe(1200);
    expect(counts.open + counts.won + counts.lost).toBe(1200);
    expect(done).toContain(`${counts.won.toLocaleString('en-US')} won`);
    expect((await dealKeys()).some((k) => k.includes(':import:'))).toBe(false);
  });

  it('runs a preview once: of two clicks on Import, one imports and the other finds nothing to run', async () => {
    await submit('pipeline.csv', MAVEN_PART.split('\n').slice(0, 11).join('\n'));
    const preview = await dmMatching(/Import preview/);
    await Promise.all([click(IMPORT_CONFIRM_ACTION_ID, preview), click(IMPORT_CONFIRM_ACTION_ID, preview)]);
    const said = () => ws.slack.calls('chat.update').map((c) => JSON.stringify(c.args));
    await expect.poll(() => said().some((u) => u.includes('no longer open')), { timeout: 8000 }).toBe(true);
    await expect
      .poll(() => said().some((u) => u.includes('Data hygiene audit')), { timeout: 8000 })
      .toBe(true);
    expect(said().filter((u) => u.includes('Data hygiene audit'))).toHaveLength(1);
    expect(await ws.app.store.deals.countDeals(TEAM_ID)).toMatchObject({ total: 10 });
  });

  it('refuses a broken file with its reason and stores nothing', async () => {
    const before = await ws.app.store.deals.listDeals(TEAM_ID);
    await submit('broken.csv', fixture('unterminated-quote.csv'));
    const refused = await dmMatching(/Not imported/);
    expect(textOf(refused)).toContain('line 3: a quoted value starts on this line and is never closed');
    expect(textOf(refused)).toContain('nothing was changed');
    expect(textOf(refused)).toMatch(/opportunity_id\s+→\s+deal id/);
    expect(JSON.stringify(refused.blocks)).not.toContain('"type":"actions"');
    expect(await ws.app.store.deals.listDeals(TEAM_ID)).toEqual(before);
    expect((await dealKeys()).some((k) => k.includes(':import:'))).toBe(false);
  });

  it('says a Latin-1 file must be saved as UTF-8, and stores nothing', async () => {
    await submit('latin1.csv', fixture('pipedrive-latin1.csv'));
    const refused = await dmMatching(/Not imported/);
    expect(textOf(refused)).toContain('The file is not UTF-8 text');
    expect((await dealKeys()).some((k) => k.includes(':import:'))).toBe(false);
  });

  it('names the missing required columns of a file read as the chosen source', async () => {
    await submit('hubspot.csv', fixture('hubspot-no-record-id.csv'), 'hubspot');
    const refused = await dmMatching(/Not imported/);
    expect(textOf(refused)).toContain('Missing required columns:* Record ID');
  });

  it('forgets the file on Cancel and stores nothing', async () => {
    const before = await ws.app.store.deals.countDeals(TEAM_ID);
    await submit('pipeline.csv', MAVEN_PART);
    const preview = await dmMatching(/Import preview/);
    await click(IMPORT_CANCEL_ACTION_ID, preview);
    await dmMatching(/Import cancelled; nothing was stored/);
    expect(await ws.app.store.deals.countDeals(TEAM_ID)).toEqual(before);
    expect((await dealKeys()).some((k) => k.includes(':import:'))).toBe(false);
  });

  it('cannot be submitted without a file', async () => {
    await ws.slack.sendSlashCommand({ text: 'import', userId: REP_ID, channelId: CHANNEL_ID });
    await ws.slack.waitForCall('views.open');
    await expect(ws.slack.sendViewSubmission({ userId: REP_ID, values: {} })).rejects.toBeInstanceOf(
      SubmissionRejectedError,
    );
  });

  it('explains an unknown source named after import', async () => {
    await ws.slack.sendSlashCommand({ text: 'import zoho', userId: REP_ID, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBeGreaterThan(0);
    expect(JSON.stringify(ws.slack.responses()[0]?.body)).toContain('is not a CRM this import reads');
    expect(ws.slack.calls('views.open')).toEqual([]);
  });
});
