import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/blocks/limits.js';
import { QUICK_ACTION_IDS } from '../../src/commands/help.js';
import type { RecordedResponse } from '../../src/sandbox/index.js';
import { deleteKeysUnder } from '../support/redis.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../support/stand-in.js';

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
  await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBe(1);
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
    expect(text).toContain('Close Rate: 21% now against a target of 25%');
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
});
