import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/sandbox/index.js';
import { IMPORT_BLOCK_IDS, IMPORT_CONFIRM_ACTION_ID } from '../../src/views/import/ids.js';
import { mavenRows } from '../support/maven-rows.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../support/stand-in.js';

let ws: Workspace;
beforeAll(async () => {
  ws = await startWorkspace();
});
afterAll(async () => {
  await ws.stop();
});

const textOf = (message: StoredMessage | undefined) => JSON.stringify(message?.blocks ?? message?.text ?? '');

async function dmMatching(pattern: RegExp, timeout: number): Promise<StoredMessage> {
  const dm = () => ws.slack.messages(REP_ID);
  await expect.poll(() => dm().some((m) => pattern.test(textOf(m))), { timeout, interval: 200 }).toBe(true);
  const found = dm().find((m) => pattern.test(textOf(m)));
  if (!found) throw new Error('no such message');
  return found;
}

it('imports and audits 150,000 Maven-shaped rows uploaded in Slack', async () => {
  await ws.slack.sendSlashCommand({ text: 'import', userId: REP_ID, channelId: CHANNEL_ID });
  await ws.slack.waitForCall('views.open');
  const reply = await ws.slack.sendViewSubmission({
    userId: REP_ID,
    values: { [IMPORT_BLOCK_IDS.file]: [{ name: 'sales_pipeline.csv', content: mavenRows(150_000) }] },
  });
  expect(reply.status).toBe(200);
  // Generous waits: about 46 s in all on a quiet 2-core machine, several times that when it is loaded.
  const preview = await dmMatching(/Import preview/, 180_000);
  expect(textOf(preview)).toContain('150,000 rows read');
  await ws.slack.sendBlockAction({
    userId: REP_ID,
    actionId: IMPORT_CONFIRM_ACTION_ID,
    message: { channel: preview.channel, ts: preview.ts },
  });
  await dmMatching(/Data hygiene audit/, 240_000);
  const done = textOf(ws.slack.messages(REP_ID).find((m) => m.ts === preview.ts));
  expect(done).toContain('150,000 deals imported');
  expect(done).not.toMatch(/failed on our side|call stack/);
  expect((await ws.app.store.deals.countDeals(TEAM_ID)).total).toBe(150_000);
}, 480_000);
