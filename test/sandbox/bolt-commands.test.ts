import type { SlashCommand } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { deferred, useBoltApp } from './bolt-app.js';
import { slackError } from './fixtures.js';

const bolt = useBoltApp();

const modal: ModalView = { type: 'modal', title: { type: 'plain_text', text: 'Qualify' }, blocks: [] };

describe('slash commands into a real Bolt app', () => {
  it('delivers a signed command that Bolt verifies, parses and acknowledges', async () => {
    const received = deferred<SlashCommand>();
    bolt.hooks.command = async ({ ack, command }) => {
      await ack('On it');
      received.resolve(command);
    };
    const reply = await bolt.standIn.sendSlashCommand({
      text: 'qualify Acme',
      userId: 'U0ANA',
      channelId: 'C0SALES',
    });
    expect(reply).toMatchObject({ status: 200, body: 'On it' });
    expect(reply.elapsedMs).toBeLessThan(3000);
    expect(await received.promise).toMatchObject({
      command: '/sales-ops',
      text: 'qualify Acme',
      user_id: 'U0ANA',
      user_name: 'ana',
      channel_id: 'C0SALES',
      channel_name: 'sales',
      team_id: bolt.standIn.teamId,
      api_app_id: bolt.standIn.appId,
      response_url: expect.stringMatching(`^${bolt.standIn.baseUrl}/commands/`),
      trigger_id: expect.stringMatching(/^\d+\.\d+\.[0-9a-f]{32}$/),
    });
    expect(bolt.standIn.calls('auth.test')).toEqual([]);
  });

  it('shows the text of an ack to the person who typed the command', async () => {
    bolt.hooks.command = async ({ ack }) => ack({ text: 'Usage: /sales-ops qualify <lead>' });
    await bolt.standIn.sendSlashCommand({ text: 'help', userId: 'U0ANA', channelId: 'C0SALES' });
    expect(bolt.standIn.messages('C0SALES')).toEqual([
      expect.objectContaining({
        text: 'Usage: /sales-ops qualify <lead>',
        ephemeral: true,
        ephemeralTo: 'U0ANA',
      }),
    ]);
    expect(bolt.standIn.responses()).toEqual([]);
  });

  it.each(['bad', 'stale'] as const)(
    'gets 401 from Bolt for a %s signature, and no listener runs',
    async (signature) => {
      let ran = false;
      bolt.hooks.command = async ({ ack }) => {
        ran = true;
        await ack();
      };
      const reply = await bolt.standIn.sendSlashCommand(
        { userId: 'U0ANA', channelId: 'C0SALES' },
        { signature },
      );
      expect(reply.status).toBe(401);
      expect(ran).toBe(false);
    },
  );

  it("lets the app open a modal with the command's trigger_id, once", async () => {
    const outcomes = deferred<string[]>();
    bolt.hooks.command = async ({ ack, body, client }) => {
      await ack();
      await outcomes.run(async () => {
        const first = await client.views.open({ trigger_id: body.trigger_id, view: modal });
        const second = await slackError(client.views.open({ trigger_id: body.trigger_id, view: modal }));
        return [first.ok ? 'opened' : 'not opened', second];
      });
    };
    await bolt.standIn.sendSlashCommand({ text: 'qualify', userId: 'U0ANA', channelId: 'C0SALES' });
    expect(await outcomes.promise).toEqual(['opened', 'exchanged_trigger_id']);
    expect(bolt.standIn.views()).toHaveLength(1);
  });

  it('records an in-channel reply the app sends through respond()', async () => {
    const done = deferred<void>();
    bolt.hooks.command = async ({ ack, respond }) => {
      await ack();
      await done.run(async () => {
        await respond({ response_type: 'in_channel', text: 'Pipeline for Acme' });
      });
    };
    await bolt.standIn.sendSlashCommand({ text: 'pipeline', userId: 'U0ANA', channelId: 'C0SALES' });
    await done.promise;
    expect(bolt.standIn.responses()).toEqual([
      expect.objectContaining({ status: 200, effect: 'in_channel' }),
    ]);
    expect(bolt.standIn.messages('C0SALES')).toEqual([
      expect.objectContaining({ text: 'Pipeline for Acme', ephemeral: false, user: bolt.standIn.botUserId }),
    ]);
  });

  it('shows a respond() reply only to the person by default', async () => {
    const done = deferred<void>();
    bolt.hooks.command = async ({ ack, respond }) => {
      await ack();
      await done.run(async () => {
        await respond('Usage: /sales-ops qualify <lead>');
      });
    };
    await bolt.standIn.sendSlashCommand({ text: 'help', userId: 'U0BEN', channelId: 'C0SALES' });
    await done.promise;
    expect(bolt.standIn.messages('C0SALES')).toEqual([
      expect.objectContaining({ ephemeral: true, ephemeralTo: 'U0BEN' }),
    ]);
  });

  it('takes at most five posts to a response_url', async () => {
    const url = deferred<string>();
    bolt.hooks.command = async ({ ack, command }) => {
      await ack();
      url.resolve(command.response_url);
    };
    await bolt.standIn.sendSlashCommand({ userId: 'U0ANA', channelId: 'C0SALES' });
    const target = await url.promise;
    const post = () =>
      fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"step"}',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(bolt.standIn.responses().at(-1)?.body).toEqual({ text: 'step' });
    expect(bolt.standIn.responses().at(-1)?.effect).toBe('rejected');
  });
});

describe('shortcuts and events into a real Bolt app', () => {
  it('delivers a global shortcut whose trigger opens a modal', async () => {
    const opened = deferred<boolean>();
    bolt.hooks.shortcut = async ({ ack, shortcut, client }) => {
      await ack();
      await opened.run(
        async () => (await client.views.open({ trigger_id: shortcut.trigger_id, view: modal })).ok,
      );
    };
    const reply = await bolt.standIn.sendShortcut({ callbackId: 'new_lead', userId: 'U0ANA' });
    expect(reply.status).toBe(200);
    expect(await opened.promise).toBe(true);
  });

  it('delivers an event_callback envelope with event_id and the event', async () => {
    const seen = deferred<{ eventId: unknown; type: string }>();
    bolt.hooks.event = async ({ body, event }) => seen.resolve({ eventId: body.event_id, type: event.type });
    const reply = await bolt.standIn.sendEvent({
      type: 'app_mention',
      user: 'U0ANA',
      text: 'hi',
      channel: 'C0SALES',
    });
    expect(reply.status).toBe(200);
    expect(await seen.promise).toEqual({ eventId: expect.stringMatching(/^Ev/), type: 'app_mention' });
  });

  it('gets the challenge back for url_verification', async () => {
    const reply = await bolt.standIn.sendUrlVerification();
    expect(reply.body).toEqual({ challenge: expect.any(String) });
  });

  it("sends app_home_opened carrying the person's published Home view", async () => {
    const seen = deferred<unknown>();
    bolt.hooks.event = async ({ event }) => seen.resolve(event);
    await bolt.app.client.views.publish({ user_id: 'U0ANA', view: { type: 'home', blocks: [] } });
    await bolt.standIn.sendAppHomeOpened('U0ANA');
    expect(await seen.promise).toMatchObject({
      type: 'app_home_opened',
      user: 'U0ANA',
      tab: 'home',
      view: { id: bolt.standIn.homeOf('U0ANA')?.id },
    });
  });
});
