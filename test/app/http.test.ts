import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUICK_ACTION_IDS } from '../../src/commands/help/command.js';
import { QUALIFY_SHORTCUT_CALLBACK_ID } from '../../src/commands/qualify/shortcut.js';
import type { RecordedResponse } from '../../src/sandbox/index.js';
import { INTAKE_CALLBACK_ID } from '../../src/views/intake/index.js';
import { CHANNEL_ID, REP_ID, startWorkspace, type Workspace } from '../support/stand-in.js';

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

/** The next ephemeral reply the app posts through a response_url. */
async function nextReply(after = 0): Promise<RecordedResponse> {
  await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBeGreaterThan(after);
  const reply = ws.slack.responses()[after];
  if (!reply) throw new Error('no reply');
  return reply;
}

const command = (text: string) => ws.slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID });
const textOf = (reply: RecordedResponse) => JSON.stringify(reply.body);

describe('/sales-ops over HTTP', () => {
  it('answers a signed `/sales-ops help` within 3 seconds with the usage, only to the person who asked', async () => {
    const started = performance.now();
    const ack = await command('help');
    expect(ack.status).toBe(200);
    const reply = await nextReply();
    expect(performance.now() - started).toBeLessThan(3000);
    expect(reply.effect).toBe('ephemeral');
    expect(reply.message?.ephemeralTo).toBe(REP_ID);
    expect(textOf(reply)).toContain('sales-ops: your sales process as a system');
    expect(textOf(reply)).toContain('Design a blueprint');
  });

  it('treats an empty command as a request for help', async () => {
    await command('');
    expect(textOf(await nextReply())).toContain('/sales-ops qualify Acme');
  });

  it.each(['bad', 'stale', 'future', 'milliseconds'] as const)(
    'refuses a request with a %s signature with 401 and does nothing',
    async (signature) => {
      const ack = await ws.slack.sendSlashCommand(
        { text: 'help', userId: REP_ID, channelId: CHANNEL_ID },
        { signature },
      );
      expect(ack.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ws.slack.responses()).toEqual([]);
      expect(ws.slack.calls()).toEqual([]);
    },
  );

  it('suggests the closest command for a near miss such as "qualfy"', async () => {
    await command('qualfy Acme');
    const reply = await nextReply();
    expect(reply.effect).toBe('ephemeral');
    expect(textOf(reply)).toContain('Did you mean `/sales-ops qualify Acme`?');
  });

  it('posts the team ICP card in the channel for `/sales-ops icp`', async () => {
    await command('icp');
    const posted = await ws.slack.waitForCall('chat.postMessage');
    expect(posted.response.ok).toBe(true);
    expect(JSON.stringify(posted.args.blocks)).toContain('Ideal customer profile');
  });

  it('opens the intake modal pre-filled with the business for `/sales-ops Acme Corp`', async () => {
    await command('Acme Corp');
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    expect(JSON.stringify(call.args.view)).toContain('"initial_value":"Acme Corp"');
    expect(ws.slack.views()).toHaveLength(1);
    expect(ws.slack.responses()).toEqual([]);
  });

  it('tells the person to try again when Slack refuses the modal for a stale trigger', async () => {
    ws.slack.failNext('views.open', { error: 'expired_trigger_id' });
    await command('Acme Corp');
    expect(textOf(await nextReply())).toContain('took too long to open');
  });

  it('refuses a business name over 120 characters and says how to fix it', async () => {
    await command(`design ${'A'.repeat(130)}`);
    expect(textOf(await nextReply())).toContain('the limit is 120');
    expect(ws.slack.calls('views.open')).toEqual([]);
  });

  it('answers the quick action buttons of the usage message', async () => {
    await command('help');
    const usage = await nextReply();
    const ts = usage.message?.ts ?? '';
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.crm,
      message: { channel: CHANNEL_ID, ts },
    });
    expect(textOf(await nextReply(1))).toContain('/sales-ops crm');
  });

  it('answers a Home tab button in a modal, since the Home tab has no channel', async () => {
    await ws.slack.sendAppHomeOpened(REP_ID);
    await ws.slack.waitForCall('views.publish');
    const home = ws.slack.homeOf(REP_ID);
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.pipeline,
      viewId: home?.id ?? '',
    });
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    expect(JSON.stringify(call.args.view)).toContain('/sales-ops pipeline');
  });

  it('opens the intake from the Design button of the Home tab', async () => {
    await ws.slack.sendAppHomeOpened(REP_ID);
    await ws.slack.waitForCall('views.publish');
    const home = ws.slack.homeOf(REP_ID);
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.design,
      viewId: home?.id ?? '',
    });
    const call = await ws.slack.waitForCall('views.open');
    expect(JSON.stringify(call.args.view)).toContain(`"callback_id":"${INTAKE_CALLBACK_ID}"`);
  });

  it('opens the qualify modal for the "Qualify a lead" shortcut', async () => {
    const ack = await ws.slack.sendShortcut({ callbackId: QUALIFY_SHORTCUT_CALLBACK_ID, userId: REP_ID });
    expect(ack.status).toBe(200);
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    expect(JSON.stringify(call.args.view)).toContain('"callback_id":"qualify_lead_modal"');
  });
});

describe('operations', () => {
  it('reports healthy while Redis answers', async () => {
    const response = await fetch(`${ws.app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('counts commands and ack latency in /metrics', async () => {
    await command('help');
    await nextReply();
    const text = await (await fetch(`${ws.app.baseUrl}/metrics`)).text();
    expect(text).toMatch(/sales_ops_commands_total\{name="help"\} [1-9]/);
    expect(text).toMatch(/sales_ops_ack_duration_seconds_count\{kind="command"\} [1-9]/);
  });
});
