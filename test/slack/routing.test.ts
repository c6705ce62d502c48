import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { routedIds, routesOf } from '../../src/slack/routing.js';

function app(): App {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  return new App({ token: 'xoxb-test', botId: 'B1', botUserId: 'U1', receiver });
}

const blockAction = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T1', domain: 't' },
  user: { id: 'U2', team_id: 'T1' },
  api_app_id: 'A1',
  token: 'x',
  trigger_id: '1.2',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1.0' }],
});

describe('routing by id', () => {
  it('hands each button to the handler registered for its action id, through one Bolt middleware', async () => {
    const bolt = app();
    const calls: string[] = [];
    routesOf(bolt).action.add('first', async ({ ack }) => {
      calls.push('first');
      await ack();
    });
    routesOf(bolt).action.add('second', async ({ ack }) => {
      calls.push('second');
      await ack();
    });
    const ack = vi.fn(async () => {});
    await bolt.processEvent({ body: blockAction('second'), ack });
    expect(calls).toEqual(['second']);
    expect(ack).toHaveBeenCalledOnce();
    expect(routedIds(bolt).action).toEqual(['first', 'second']);
  });

  it('leaves an action nobody registered unanswered, as Bolt does', async () => {
    const bolt = app();
    routesOf(bolt).action.add('known', async ({ ack }) => ack());
    const ack = vi.fn(async () => {});
    await bolt.processEvent({ body: blockAction('unknown'), ack });
    expect(ack).not.toHaveBeenCalled();
  });

  it('refuses a second handler for the same id', () => {
    const bolt = app();
    routesOf(bolt).shortcut.add('qualify_lead', async () => {});
    expect(() => routesOf(bolt).shortcut.add('qualify_lead', async () => {})).toThrow(/qualify_lead/);
  });

  it('hands a slash command to the handler of its name, and what nobody routed on to Bolt', async () => {
    const bolt = app();
    const calls: string[] = [];
    routesOf(bolt).command.add('/sales-ops', async ({ ack, command }) => {
      calls.push(command.text);
      await ack();
    });
    const body = (command: string) => ({
      command,
      text: 'qualify Acme',
      team_id: 'T1',
      user_id: 'U2',
      channel_id: 'C1',
      response_url: 'https://hooks.slack.com/commands/1',
      trigger_id: '1.2',
    });
    const ack = vi.fn(async () => {});
    await bolt.processEvent({ body: body('/sales-ops'), ack });
    expect(calls).toEqual(['qualify Acme']);
    expect(ack).toHaveBeenCalledOnce();
    // A command or kind nobody routed goes on to Bolt's own listeners.
    const other = vi.fn(async ({ ack: done }: { ack: () => Promise<void> }) => done());
    bolt.command('/other', other);
    await bolt.processEvent({ body: body('/other'), ack: vi.fn(async () => {}) });
    expect(other).toHaveBeenCalledOnce();
    bolt.options('menu', other);
    await bolt.processEvent({
      body: {
        type: 'block_suggestion',
        action_id: 'menu',
        block_id: 'b',
        value: 'a',
        team: { id: 'T1' },
        user: { id: 'U2' },
      },
      ack: vi.fn(async () => {}),
    });
    expect(other).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['qualify Acme']);
  });
});
