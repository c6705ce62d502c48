import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { clientFor, movableClock, platformError, slackError, startWorkspace } from './fixtures.js';

const clock = movableClock();
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startWorkspace({ clock: clock.now });
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.stop());

const modal = (title: string, extra: Partial<ModalView> = {}): ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: title },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
  ...extra,
});

const open = (view: ModalView = modal('Qualify')) =>
  clientFor(standIn).views.open({ trigger_id: standIn.issueTriggerId('U0ANA'), view });

describe('views.open', () => {
  it('returns the view with id, hash, root_view_id and empty state, and tracks the open modal', async () => {
    const { view } = await open();
    expect(view).toMatchObject({ type: 'modal', title: { text: 'Qualify' }, state: { values: {} } });
    expect(view?.id).toMatch(/^V/);
    expect(view?.root_view_id).toBe(view?.id);
    expect(view?.hash).toMatch(/^\d+\.\S+$/);
    expect(standIn.views()).toEqual([expect.objectContaining({ userId: 'U0ANA', views: [view] })]);
  });

  it('gives blocks without a block_id one, as Slack does', async () => {
    const { view } = await open();
    expect(view?.blocks?.[0]?.block_id).toEqual(expect.any(String));
  });

  it('answers invalid_trigger_id, exchanged_trigger_id and expired_trigger_id', async () => {
    const client = clientFor(standIn);
    expect(await slackError(client.views.open({ trigger_id: '1.2.abc', view: modal('A') }))).toBe(
      'invalid_trigger_id',
    );
    const trigger = standIn.issueTriggerId('U0ANA');
    await client.views.open({ trigger_id: trigger, view: modal('A') });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal('A') }))).toBe(
      'exchanged_trigger_id',
    );
    const late = standIn.issueTriggerId('U0ANA');
    clock.advance(3001);
    expect(await slackError(client.views.open({ trigger_id: late, view: modal('A') }))).toBe(
      'expired_trigger_id',
    );
  });

  it('accepts a trigger used within 3 seconds', async () => {
    const trigger = standIn.issueTriggerId('U0ANA');
    clock.advance(3000);
    await expect(
      clientFor(standIn).views.open({ trigger_id: trigger, view: modal('A') }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refuses a view over its limits with invalid_arguments and leaves the trigger unspent', async () => {
    const trigger = standIn.issueTriggerId('U0ANA');
    const failure = await platformError(
      clientFor(standIn).views.open({ trigger_id: trigger, view: modal('A title of 25 characters!') }),
    );
    expect(failure.data.error).toBe('invalid_arguments');
    expect(failure.data.response_metadata?.messages).toEqual([
      '[ERROR] view.title.text: must be at most 24 characters (has 25)',
    ]);
    await expect(
      clientFor(standIn).views.open({ trigger_id: trigger, view: modal('A') }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refuses a modal with an input block but no submit button', async () => {
    const view = modal('Lead', {
      blocks: [
        {
          type: 'input',
          label: { type: 'plain_text', text: 'Company' },
          element: { type: 'plain_text_input' },
        },
      ],
    });
    expect(await slackError(open(view))).toBe('invalid_arguments');
  });
});

describe('views.push', () => {
  it('stacks at most three views, then answers push_limit_reached', async () => {
    const client = clientFor(standIn);
    const { view: root } = await open();
    for (const title of ['Step 2', 'Step 3']) {
      const pushed = await client.views.push({
        trigger_id: standIn.issueTriggerId('U0ANA'),
        view: modal(title),
      });
      expect(pushed.view?.root_view_id).toBe(root?.id);
    }
    const fourth = client.views.push({ trigger_id: standIn.issueTriggerId('U0ANA'), view: modal('Step 4') });
    expect(await slackError(fourth)).toBe('push_limit_reached');
    expect(standIn.views()[0]?.views.map((v) => v.title.text)).toEqual(['Qualify', 'Step 2', 'Step 3']);
  });
});

describe('views.update', () => {
  it('replaces a view by view_id, keeping its id and giving it a new hash', async () => {
    const { view } = await open();
    const updated = await clientFor(standIn).views.update({ view_id: view?.id ?? '', view: modal('Scored') });
    expect(updated.view).toMatchObject({ id: view?.id, title: { text: 'Scored' } });
    expect(updated.view?.hash).not.toBe(view?.hash);
  });

  it('finds a view by external_id', async () => {
    await open(modal('ICP draft', { external_id: 'icp-T1' }));
    const updated = await clientFor(standIn).views.update({ external_id: 'icp-T1', view: modal('ICP v2') });
    expect(updated.view?.title?.text).toBe('ICP v2');
  });

  it('answers hash_conflict for a stale hash and not_found for an unknown view', async () => {
    const client = clientFor(standIn);
    const { view } = await open();
    await client.views.update({ view_id: view?.id ?? '', view: modal('Edited'), hash: view?.hash ?? '' });
    const stale = client.views.update({
      view_id: view?.id ?? '',
      view: modal('Again'),
      hash: view?.hash ?? '',
    });
    expect(await slackError(stale)).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V0NOPE', view: modal('x') }))).toBe('not_found');
  });
});

describe('views.publish', () => {
  it("publishes a person's Home tab and replaces it on the next publish", async () => {
    const client = clientFor(standIn);
    const home = (text: string) => ({
      type: 'home' as const,
      blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
    });
    const first = await client.views.publish({ user_id: 'U0ANA', view: home('3 follow-ups due') });
    await client.views.publish({ user_id: 'U0ANA', view: home('1 follow-up due') });
    expect(standIn.homeOf('U0ANA')).toMatchObject({ id: first.view?.id, type: 'home' });
    expect(standIn.homeOf('U0ANA')?.blocks).toEqual([
      expect.objectContaining({ text: expect.objectContaining({ text: '1 follow-up due' }) }),
    ]);
    expect(await slackError(client.views.publish({ user_id: 'U0NOBODY', view: home('x') }))).toBe(
      'user_not_found',
    );
  });
});
