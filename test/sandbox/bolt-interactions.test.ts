import type { BlockAction, ViewOutput } from '@slack/bolt';
import type { InputBlockElement, KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { SubmissionRejectedError } from '../../src/sandbox/index.js';
import { deferred, useBoltApp } from './bolt-app.js';

const bolt = useBoltApp();

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (label: string, value: string) => ({ text: text(label), value });
const input = (blockId: string, label: string, element: InputBlockElement, optional = false): KnownBlock => ({
  type: 'input',
  block_id: blockId,
  label: text(label),
  element,
  optional,
});

const leadForm: ModalView = {
  type: 'modal',
  callback_id: 'lead_form',
  title: text('New lead'),
  submit: text('Save'),
  notify_on_close: true,
  blocks: [
    input('company', 'Company', { type: 'plain_text_input', action_id: 'name', max_length: 50 }),
    input('stage', 'Stage', {
      type: 'static_select',
      action_id: 'pick',
      options: [option('Lead', 'lead'), option('Qualified', 'qualified')],
    }),
    input('channels', 'Channels', {
      type: 'multi_static_select',
      action_id: 'pick',
      options: [option('Email', 'email'), option('Call', 'call'), option('LinkedIn', 'linkedin')],
    }),
    input('amount', 'Amount', {
      type: 'number_input',
      action_id: 'value',
      is_decimal_allowed: false,
      min_value: '0',
    }),
    input('close', 'Close date', { type: 'datepicker', action_id: 'date' }),
    input('owner', 'Owner', { type: 'users_select', action_id: 'user' }),
    input(
      'export',
      'CRM export',
      { type: 'file_input', action_id: 'file', filetypes: ['csv'], max_files: 1 },
      true,
    ),
    input('notes', 'Notes', { type: 'plain_text_input', action_id: 'text', multiline: true }, true),
  ],
};

const openForm = async (view: ModalView = leadForm) =>
  (await bolt.app.client.views.open({ trigger_id: bolt.standIn.issueTriggerId('U0ANA'), view })).view;

const filled = {
  company: 'Acme',
  stage: 'qualified',
  channels: ['email', 'call'],
  amount: 50000,
  close: '2026-03-31',
  owner: 'U0BEN',
  export: [{ name: 'acme.csv', content: 'name,stage\nAcme,Lead\n' }],
};

describe('view submissions into a real Bolt app', () => {
  it('sends view.state.values shaped per element type, and an empty ack closes the modal', async () => {
    const values = deferred<ViewOutput['state']['values']>();
    bolt.hooks.view = async ({ ack, view }) => {
      await ack();
      values.resolve(view.state.values);
    };
    await openForm();
    const reply = await bolt.standIn.sendViewSubmission({ userId: 'U0ANA', values: filled });
    expect(reply.status).toBe(200);
    const state = await values.promise;
    expect(state).toMatchObject({
      company: { name: { type: 'plain_text_input', value: 'Acme' } },
      stage: {
        pick: { type: 'static_select', selected_option: { text: { text: 'Qualified' }, value: 'qualified' } },
      },
      channels: {
        pick: { type: 'multi_static_select', selected_options: [{ value: 'email' }, { value: 'call' }] },
      },
      amount: { value: { type: 'number_input', value: '50000' } },
      close: { date: { type: 'datepicker', selected_date: '2026-03-31' } },
      owner: { user: { type: 'users_select', selected_user: 'U0BEN' } },
      export: { file: { type: 'file_input', files: [{ name: 'acme.csv', filetype: 'csv' }] } },
      notes: { text: { type: 'plain_text_input', value: null } },
    });
    expect(bolt.standIn.views()).toEqual([]);
  });

  it('serves a file_input upload to the bot token, and a sign-in page without it', async () => {
    const values = deferred<ViewOutput['state']['values']>();
    bolt.hooks.view = async ({ ack, view }) => {
      await ack();
      values.resolve(view.state.values);
    };
    await openForm();
    await bolt.standIn.sendViewSubmission({ userId: 'U0ANA', values: filled });
    const url = (await values.promise).export?.file?.files?.[0]?.url_private_download ?? '';
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${bolt.standIn.botToken}` } });
    expect(await withToken.text()).toBe('name,stage\nAcme,Lead\n');
    const withoutToken = await fetch(url);
    expect(withoutToken.headers.get('content-type')).toContain('text/html');
  });

  it('keeps the modal open with inline errors when the app acks with response_action errors', async () => {
    bolt.hooks.view = async ({ ack }) =>
      ack({ response_action: 'errors', errors: { company: 'No such company' } });
    await openForm();
    await bolt.standIn.sendViewSubmission({ userId: 'U0ANA', values: filled });
    expect(bolt.standIn.views()).toEqual([
      expect.objectContaining({ errors: { company: 'No such company' } }),
    ]);
  });

  it('reports an errors ack that names a block which is not an input', async () => {
    bolt.hooks.view = async ({ ack }) => ack({ response_action: 'errors', errors: { nowhere: 'x' } });
    await openForm();
    await bolt.standIn.sendViewSubmission({ userId: 'U0ANA', values: filled });
    expect(bolt.standIn.views()[0]?.ackProblems).toEqual([
      'errors names nowhere, which is not an input block',
    ]);
  });

  it('replaces the view when the app acks with response_action update', async () => {
    const next: ModalView = { type: 'modal', title: text('Saved'), blocks: [] };
    bolt.hooks.view = async ({ ack }) => ack({ response_action: 'update', view: next });
    const opened = await openForm();
    await bolt.standIn.sendViewSubmission({ userId: 'U0ANA', values: filled });
    expect(bolt.standIn.views()[0]?.views).toEqual([
      expect.objectContaining({ id: opened?.id, title: expect.objectContaining({ text: 'Saved' }) }),
    ]);
  });

  it("refuses, as Slack's client does, to submit a missing required field or an over-long answer", async () => {
    let ran = false;
    bolt.hooks.view = async ({ ack }) => {
      ran = true;
      await ack();
    };
    await openForm();
    const attempt = bolt.standIn.sendViewSubmission({
      userId: 'U0ANA',
      values: { ...filled, company: 'A'.repeat(51), owner: null },
    });
    await expect(attempt).rejects.toBeInstanceOf(SubmissionRejectedError);
    await expect(attempt).rejects.toMatchObject({
      problems: { company: 'Use 50 characters or fewer.', owner: 'Please complete this required field.' },
    });
    expect(ran).toBe(false);
  });

  it('sends view_closed for a view opened with notify_on_close, and closes it', async () => {
    const closed = deferred<string>();
    bolt.hooks.view = async ({ ack, body }) => {
      await ack();
      closed.resolve(body.type);
    };
    await openForm();
    await bolt.standIn.sendViewClosed({ userId: 'U0ANA' });
    expect(await closed.promise).toBe('view_closed');
    expect(bolt.standIn.views()).toEqual([]);
  });

  it('will not send view_closed for a view that did not ask for it', async () => {
    await openForm({ ...leadForm, notify_on_close: false });
    await expect(bolt.standIn.sendViewClosed({ userId: 'U0ANA' })).rejects.toThrow(/notify_on_close/);
  });
});

describe('block actions into a real Bolt app', () => {
  const doneButton: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: 'Call Acme today' } },
    {
      type: 'actions',
      block_id: 'followup',
      elements: [{ type: 'button', action_id: 'followup_done', text: text('Done'), value: 'lead-42' }],
    },
  ];

  it('sends the clicked button and its message, and lets the app replace the message via respond()', async () => {
    const seen = deferred<BlockAction>();
    bolt.hooks.action = async ({ ack, body, respond }) => {
      await ack();
      await seen.run(async () => {
        await respond({ replace_original: true, text: 'Done ✓' });
        return body as BlockAction;
      });
    };
    const posted = await bolt.app.client.chat.postMessage({
      channel: 'U0ANA',
      text: 'Follow-up due',
      blocks: doneButton,
    });
    const reply = await bolt.standIn.sendBlockAction({
      userId: 'U0ANA',
      actionId: 'followup_done',
      message: { channel: posted.channel ?? '', ts: posted.ts ?? '' },
    });
    expect(reply.status).toBe(200);
    const body = await seen.promise;
    expect(body.actions[0]).toMatchObject({
      type: 'button',
      action_id: 'followup_done',
      block_id: 'followup',
      value: 'lead-42',
    });
    expect(body.container).toMatchObject({ type: 'message', message_ts: posted.ts, is_ephemeral: false });
    expect(body.message?.ts).toBe(posted.ts);
    expect(bolt.standIn.messages('U0ANA')).toEqual([
      expect.objectContaining({ ts: posted.ts, text: 'Done ✓' }),
    ]);
    expect(bolt.standIn.messages('U0ANA')[0]?.blocks).toBeUndefined();
    expect(bolt.standIn.responses()[0]?.effect).toBe('replaced');
  });

  it('leaves the message out of actions on ephemeral messages, which respond() can delete', async () => {
    const seen = deferred<BlockAction>();
    bolt.hooks.action = async ({ ack, body, respond }) => {
      await ack();
      await seen.run(async () => {
        await respond({ delete_original: true });
        return body as BlockAction;
      });
    };
    const { message_ts } = await bolt.app.client.chat.postEphemeral({
      channel: 'C0SALES',
      user: 'U0ANA',
      text: 'Help',
      blocks: doneButton,
    });
    await bolt.standIn.sendBlockAction({
      userId: 'U0ANA',
      actionId: 'followup_done',
      message: { channel: 'C0SALES', ts: message_ts ?? '' },
    });
    const body = await seen.promise;
    expect(body.container).toMatchObject({ is_ephemeral: true });
    expect(body.message).toBeUndefined();
    expect(bolt.standIn.messages('C0SALES')).toEqual([]);
  });

  it('sends a select choice made inside a modal, whose trigger pushes onto that modal', async () => {
    const pushed = deferred<string | undefined>();
    bolt.hooks.action = async ({ ack, body, client }) => {
      await ack();
      await pushed.run(async () => {
        const action = (body as BlockAction).actions[0];
        const title = action?.type === 'static_select' ? action.selected_option.value : 'none';
        const view: ModalView = { type: 'modal', title: text(title), blocks: [] };
        return (await client.views.push({ trigger_id: (body as BlockAction).trigger_id, view })).view
          ?.root_view_id;
      });
    };
    const stagePicker: ModalView = {
      type: 'modal',
      title: text('Move deal'),
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Stage' },
          accessory: {
            type: 'static_select',
            action_id: 'stage',
            options: [option('Qualified', 'qualified')],
          },
        },
      ],
    };
    const opened = await openForm(stagePicker);
    await bolt.standIn.sendBlockAction({
      userId: 'U0ANA',
      actionId: 'stage',
      viewId: opened?.id ?? '',
      value: 'qualified',
    });
    expect(await pushed.promise).toBe(opened?.id);
    expect(bolt.standIn.views()[0]?.views.map((v) => v.title.text)).toEqual(['Move deal', 'qualified']);
  });
});
