import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/blocks/limits.js';
import { importCommand } from '../../../src/cli/import.js';
import { QUICK_ACTION_IDS } from '../../../src/commands/help/command.js';
import type { RecordedResponse } from '../../../src/sandbox/index.js';
import { collect } from '../../support/cli.js';
import { deleteKeysUnder, TEST_REDIS_URL } from '../../support/redis.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../../support/stand-in.js';

let ws: Workspace;

beforeAll(async () => {
  ws = await startWorkspace();
});
afterAll(async () => {
  await ws.stop();
});
beforeEach(async () => {
  ws.slack.reset();
  await deleteKeysUnder(ws.app.redis, ws.app.prefix);
});

async function reply(text: string): Promise<RecordedResponse> {
  await ws.slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID });
  // Reading 8,800 imported deals takes a few seconds on a busy machine; the ack itself came long before.
  await expect.poll(() => ws.slack.responses().length, { timeout: 15_000 }).toBe(1);
  const [first] = ws.slack.responses();
  if (first === undefined) throw new Error('no reply');
  return first;
}

const saveProfile = (intake: unknown) =>
  ws.app.store.profiles.save(TEAM_ID, intake, { by: REP_ID, at: new Date('2026-11-20T09:00:00Z') });

describe('/sales-ops pipeline', () => {
  it('shows the stages, funnel, health and leaks of the saved profile, privately and within limits', async () => {
    await saveProfile({
      business: 'Acme Corp',
      model: 'hybrid',
      deal: { averageSize: 42000, segment: 'mid-market', motion: 'consultative' },
      cycle: { averageDays: 54 },
      conversion: { current: 11, target: 15 },
      metrics: { closeRate: { current: 21, target: 25 } },
    });
    const answer = await reply('pipeline');
    expect(answer.effect).toBe('ephemeral');
    expect(answer.message?.ephemeralTo).toBe(REP_ID);
    expect(checkMessage(answer.body)).toEqual({ ok: true });
    const text = JSON.stringify(answer.message?.blocks);
    expect(text).toContain('Pipeline design · Acme Corp');
    for (const stage of ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won'])
      expect(text).toContain(stage);
    expect(text).toContain('Exit: Contact made');
    expect(text).toContain('SPIN 6/8');
    expect(text).toContain('*Pipeline Health*');
    expect(text).toContain('Close rate vs target');
    // No previous close rate in the intake: no trend arrow claiming it held steady.
    expect(text).toContain('Close Rate: 21% now against a target of 25%\\n');
    expect(answer.message?.text).toMatch(/^Pipeline design for Acme Corp: Pipeline Health \d/);
  });

  it('asks for a profile first when there is none, with a button that opens the intake', async () => {
    const answer = await reply('pipeline');
    expect(answer.effect).toBe('ephemeral');
    expect(answer.message?.text).toContain('No business profile yet');
    expect(answer.message?.text).toContain('sales model (inside, field or hybrid)');
    expect(answer.message?.text).toContain('`/sales-ops design YourCompany`');

    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.design,
      message: { channel: CHANNEL_ID, ts: answer.message?.ts ?? '' },
    });
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    expect(JSON.stringify(call.args.view)).toContain('Sales design · 1/5');
  });

  it('shows the imported Maven deals without a business profile: observed probabilities, funnel, bottlenecks and stuck deals', async () => {
    const maven = fileURLToPath(new URL('../../../examples/maven-crm/sales_pipeline.csv', import.meta.url));
    const io = collect();
    const imported = importCommand({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: ws.app.prefix },
      isTTY: false,
    });
    expect(await imported([maven, '--team', TEAM_ID], io)).toBe(0);
    expect(await ws.app.store.profiles.get(TEAM_ID)).toBeUndefined();

    const answer = await reply('pipeline');
    expect(checkMessage(answer.body)).toEqual({ ok: true });
    const text = JSON.stringify(answer.message?.blocks);
    expect(answer.message?.text).not.toContain('No business profile yet');
    expect(text).toContain('Pipeline design · your imported deals');
    expect(text).toContain('figures from 8,800 imported deals, as of 2017-12-31, their newest date');
    // Configured against observed: 4,238 won of 6,711 closed reached Engaging (63.2%).
    expect(text).toMatch(
      /Engaging\* · configured \d+% · observed 63\.2% over 6,711 closed deals, calibrated 63\.\d%/,
    );
    expect(text).toContain('Prospecting');
    expect(text).toMatch(/Won +█+░* 48\.2% \(4238\)/);
    expect(text).toContain('*Bottlenecks*');
    expect(text).toContain('2,473 deals lost here');
    expect(text).toMatch(/\*Stuck deals\* \([\d,]+ past their stage's p90\)/);
    expect(text).toContain('HAXMC4IX');
    expect(text).toContain('423 days in Engaging');
  }, 60_000);
});
