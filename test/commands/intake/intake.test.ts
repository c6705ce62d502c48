import type { ViewOutput } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkView } from '../../../src/blocks/limits.js';
import {
  BLOCK_IDS,
  INTAKE_BACK_ACTION_ID,
  INTAKE_CALLBACK_ID,
  INTAKE_NOTICE_BLOCK_ID,
  type IntakeField,
  intakeStep,
  parseIntakeMetadata,
} from '../../../src/views/intake/index.js';
import { BOT_TOKEN } from '../../support/app.js';
import { deleteKeysUnder } from '../../support/redis.js';
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

const command = (text: string) => ws.slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID });

/** The rep's open intake view, as Slack shows it now. */
function openView(): ViewOutput {
  const view = ws.slack
    .views()
    .find((s) => s.userId === REP_ID)
    ?.views.at(-1);
  if (view === undefined) throw new Error('the rep has no open modal');
  return view;
}

const stepOf = (view: ViewOutput) => parseIntakeMetadata(view.private_metadata).step;

/** What an input of the view shows before the person touches it. */
function shown(view: ViewOutput, field: IntakeField): unknown {
  const blocks: unknown[] = view.blocks;
  const block = blocks.find(
    (b): b is { element: Record<string, unknown> } =>
      typeof b === 'object' && b !== null && 'block_id' in b && b.block_id === BLOCK_IDS[field],
  );
  const element = block?.element;
  if (element === undefined) return undefined;
  const option = element.initial_option as { value?: string } | undefined;
  return element.initial_value ?? option?.value;
}

async function openIntake(text: string): Promise<ViewOutput> {
  const before = ws.slack.calls('views.open').length;
  await command(text);
  await expect.poll(() => ws.slack.calls('views.open').length, { timeout: 3000 }).toBeGreaterThan(before);
  return openView();
}

const submit = (values: Partial<Record<IntakeField, string>>) =>
  ws.slack.sendViewSubmission({
    userId: REP_ID,
    values: Object.fromEntries(
      Object.entries(values).map(([field, v]) => [BLOCK_IDS[field as IntakeField], v]),
    ),
  });

const STEP1 = { model: 'hybrid', dealSize: '42k', segment: 'mid-market', motion: 'consultative' } as const;
const STEP2 = {
  industries: 'B2B SaaS, Fintech',
  sizeMin: '200',
  sizeMax: '2000',
  painPoints: 'Forecasts miss by more than 20%\nManual CRM updates eat selling time',
} as const;

describe('the intake modal', () => {
  it('opens step 1 pre-filled with the business named in `/sales-ops Acme Corp`, within Slack limits', async () => {
    const view = await openIntake('Acme Corp');
    expect(view.callback_id).toBe(INTAKE_CALLBACK_ID);
    expect(stepOf(view)).toBe(1);
    expect(shown(view, 'business')).toBe('Acme Corp');
    expect(view.title.text).toBe('Sales design · 1/5');
    expect(checkView(ws.slack.calls('views.open')[0]?.args.view)).toEqual({ ok: true });
    expect(ws.slack.responses()).toEqual([]);
  });

  it('moves to the next step on a valid submission and keeps the answers as a draft', async () => {
    await openIntake('Acme Corp');
    const ack = await submit(STEP1);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ response_action: 'update' });
    const view = openView();
    expect(stepOf(view)).toBe(2);
    expect(view.title.text).toBe('Sales design · 2/5');
    const draft = await ws.app.store.drafts.get(TEAM_ID, REP_ID);
    expect(draft).toMatchObject({
      step: 2,
      channelId: CHANNEL_ID,
      intake: { business: 'Acme Corp', model: 'hybrid', deal: { averageSize: 42000, segment: 'mid-market' } },
    });
  });

  it('puts a bad value inline under its field, keyed by the block id, and stays on the step', async () => {
    await openIntake('Acme Corp');
    const ack = await submit({ ...STEP1, dealSize: 'lots' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      response_action: 'errors',
      errors: {
        [BLOCK_IDS.dealSize]: expect.stringContaining(
          "Average deal size: could not read 'lots' as an amount",
        ),
      },
    });
    expect(ws.slack.views()[0]?.errors[BLOCK_IDS.dealSize]).toContain('try 50k, 1.2 million or 75000 USD');
    expect(stepOf(openView())).toBe(1);
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 1 });
  });

  it('names a reversed range on step 2 instead of losing the form', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    const ack = await submit({ sizeMin: '5000', sizeMax: '200' });
    expect(ack.body).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_IDS.sizeMin]: 'The smallest company size is larger than the largest; swap them' },
    });
  });

  it('keeps the step open with the reason under its first field when the answers cannot be saved', async () => {
    await openIntake('Acme Corp');
    const save = vi.spyOn(ws.app.store.drafts, 'save').mockRejectedValueOnce(new Error('redis went away'));
    try {
      const ack = await submit(STEP1);
      const first = BLOCK_IDS[intakeStep(1).fields[0] ?? 'business'];
      expect(ack.body).toMatchObject({ response_action: 'errors' });
      expect((ack.body as { errors: Record<string, string> }).errors[first]).toContain('failed on our side');
      expect(stepOf(openView())).toBe(1);
    } finally {
      save.mockRestore();
    }
    await submit(STEP1);
    expect(stepOf(openView())).toBe(2);
  });

  it('tells the person when the Back button could not show the previous step, and keeps the draft', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    const step2 = openView();
    ws.slack.failNext('views.update', { error: 'internal_error' });
    await ws.slack.sendBlockAction({ userId: REP_ID, actionId: INTAKE_BACK_ACTION_ID, viewId: step2.id });
    await expect
      .poll(
        () =>
          ws.slack
            .messages(REP_ID)
            .map((m) => m.text)
            .join('\n'),
        { timeout: 3000 },
      )
      .toContain('failed on our side');
    expect(ws.slack.messages(REP_ID).at(-1)?.text).toContain('kept: your answers so far');
    expect(stepOf(openView())).toBe(2);
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 1 });
  });

  it('says the form lost its step, instead of doing nothing, when its metadata cannot be read', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    const step2 = openView();
    // A view that does not carry this app's metadata (never written by the app itself).
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: ws.slack.apiUrl, retryConfig: { retries: 0 } });
    const { blocks, title, submit: button, callback_id } = step2;
    await client.views.update({
      view_id: step2.id,
      view: {
        type: 'modal',
        title,
        blocks,
        callback_id,
        private_metadata: 'not ours',
        ...(button ? { submit: button } : {}),
      },
    });
    await ws.slack.sendBlockAction({ userId: REP_ID, actionId: INTAKE_BACK_ACTION_ID, viewId: step2.id });
    await expect
      .poll(() => JSON.stringify(openView().blocks), { timeout: 3000 })
      .toContain('lost track of its step');
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 2 });
  });

  it('goes back a step with the Back button, pre-filled with what was answered', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    const step2 = openView();
    await ws.slack.sendBlockAction({ userId: REP_ID, actionId: INTAKE_BACK_ACTION_ID, viewId: step2.id });
    const call = await ws.slack.waitForCall('views.update');
    expect(call.response.ok).toBe(true);
    const view = openView();
    expect(view.id).toBe(step2.id);
    expect(stepOf(view)).toBe(1);
    expect(shown(view, 'business')).toBe('Acme Corp');
    expect(shown(view, 'model')).toBe('hybrid');
    expect(shown(view, 'dealSize')).toBe('42000');
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({ step: 1 });
  });

  it('keeps the answers when the modal is closed mid-way, and resumes there on the next command', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    await submit(STEP2);
    expect(stepOf(openView())).toBe(3);
    const closed = await ws.slack.sendViewClosed({ userId: REP_ID });
    expect(closed.status).toBe(200);
    expect(ws.slack.views()).toEqual([]);
    await expect.poll(async () => (await ws.app.store.drafts.get(TEAM_ID, REP_ID))?.step).toBe(3);

    const resumed = await openIntake('Acme Corp');
    expect(stepOf(resumed)).toBe(3);
    await ws.slack.sendBlockAction({ userId: REP_ID, actionId: INTAKE_BACK_ACTION_ID, viewId: resumed.id });
    await ws.slack.waitForCall('views.update');
    const step2 = openView();
    expect(stepOf(step2)).toBe(2);
    expect(shown(step2, 'industries')).toBe('B2B SaaS, Fintech');
    expect(shown(step2, 'painPoints')).toBe(
      'Forecasts miss by more than 20%\nManual CRM updates eat selling time',
    );
  });

  it('never wipes saved answers that a Back or Close payload does not report', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: INTAKE_BACK_ACTION_ID,
      viewId: openView().id,
    });
    await ws.slack.waitForCall('views.update');
    // The stand-in, like a payload from an untouched form, reports no input values on close.
    await ws.slack.sendViewClosed({ userId: REP_ID });
    await expect.poll(async () => (await ws.app.store.drafts.get(TEAM_ID, REP_ID))?.step).toBe(1);
    expect(await ws.app.store.drafts.get(TEAM_ID, REP_ID)).toMatchObject({
      intake: {
        business: 'Acme Corp',
        model: 'hybrid',
        deal: { averageSize: 42000, motion: 'consultative' },
      },
    });
  });

  it('says so when a different business is named while a draft exists, and keeps the answers', async () => {
    await openIntake('Acme Corp');
    await submit(STEP1);
    await ws.slack.sendViewClosed({ userId: REP_ID });
    await expect.poll(async () => (await ws.app.store.drafts.get(TEAM_ID, REP_ID))?.step).toBe(2);

    const view = await openIntake('Globex');
    expect(stepOf(view)).toBe(1);
    expect(shown(view, 'business')).toBe('Globex');
    expect(shown(view, 'model')).toBe('hybrid');
    expect(JSON.stringify(view.blocks)).toContain(INTAKE_NOTICE_BLOCK_ID);
    expect(JSON.stringify(view.blocks)).toContain('Your unfinished answers for Acme Corp');
  });

  it('pre-fills from the saved workspace profile when the person has no draft', async () => {
    await ws.app.store.profiles.save(
      TEAM_ID,
      { business: 'Acme Corp', model: 'field', deal: { averageSize: 90000 } },
      { by: 'U0OTHER001', at: new Date() },
    );
    const view = await openIntake('design');
    expect(stepOf(view)).toBe(1);
    expect(shown(view, 'business')).toBe('Acme Corp');
    expect(shown(view, 'model')).toBe('field');
    expect(shown(view, 'dealSize')).toBe('90000');
  });
});
