import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../support/app.js';
import { keysUnder } from '../support/redis.js';
import { postSignedJson } from '../support/signed.js';
import { REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../support/stand-in.js';

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

describe('events', () => {
  it('publishes the Home tab when someone opens it', async () => {
    await ws.app.store.profiles.remove(TEAM_ID);
    await ws.slack.sendAppHomeOpened(REP_ID);
    const call = await ws.slack.waitForCall('views.publish');
    expect(call.args.user_id).toBe(REP_ID);
    expect(call.response.ok).toBe(true);
    expect(JSON.stringify(ws.slack.homeOf(REP_ID))).toContain('No business profile yet');
  });

  it('handles an event once when Slack delivers it again', async () => {
    const envelope = {
      type: 'event_callback',
      team_id: TEAM_ID,
      api_app_id: ws.slack.appId,
      event_id: 'Ev0RETRIED1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: REP_ID,
        channel: 'D0REP00001',
        tab: 'home',
        event_ts: '1.000100',
      },
      authorizations: [
        { team_id: TEAM_ID, user_id: ws.slack.botUserId, is_bot: true, is_enterprise_install: false },
      ],
    };
    expect((await postSignedJson(ws.app.eventsUrl, envelope, SIGNING_SECRET)).status).toBe(200);
    await ws.slack.waitForCall('views.publish');
    expect((await postSignedJson(ws.app.eventsUrl, envelope, SIGNING_SECRET)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ws.slack.calls('views.publish')).toHaveLength(1);
  });

  it('deletes every key of the team when the app is uninstalled', async () => {
    const at = new Date();
    await ws.app.store.profiles.save(TEAM_ID, { business: 'Acme', model: 'inside' }, { by: REP_ID, at });
    await ws.app.store.drafts.save(TEAM_ID, REP_ID, { intake: {}, step: 1 }, at);
    await ws.app.store.settings.update(TEAM_ID, { framework: 'bant' });
    await ws.app.store.profiles.save('T0OTHER', { business: 'Other', model: 'field' }, { by: REP_ID, at });

    const ack = await ws.slack.sendEvent({ type: 'app_uninstalled' });
    expect(ack.status).toBe(200);
    await expect
      .poll(async () =>
        (await keysUnder(ws.app.redis, ws.app.prefix)).filter(
          (k) => k.includes(`{${TEAM_ID}}`) && !k.includes(':event:'),
        ),
      )
      .toEqual([]);
    expect(await ws.app.store.profiles.get('T0OTHER')).toBeDefined();
  });

  it('does not purge again when Slack retries an app_uninstalled that was already handled', async () => {
    const envelope = {
      type: 'event_callback',
      team_id: TEAM_ID,
      api_app_id: ws.slack.appId,
      event_id: 'Ev0UNINSTALL1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled', event_ts: '1.000200' },
      authorizations: [
        { team_id: TEAM_ID, user_id: ws.slack.botUserId, is_bot: true, is_enterprise_install: false },
      ],
    };
    await ws.app.store.profiles.save(
      TEAM_ID,
      { business: 'Old', model: 'inside' },
      { by: REP_ID, at: new Date() },
    );
    expect((await postSignedJson(ws.app.eventsUrl, envelope, SIGNING_SECRET)).status).toBe(200);
    await expect.poll(() => ws.app.store.profiles.get(TEAM_ID)).toBeUndefined();

    // The team reinstalls and saves a new profile; then Slack's retry of the old event arrives.
    await ws.app.store.profiles.save(
      TEAM_ID,
      { business: 'New', model: 'inside' },
      { by: REP_ID, at: new Date() },
    );
    expect((await postSignedJson(ws.app.eventsUrl, envelope, SIGNING_SECRET)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ws.app.store.profiles.get(TEAM_ID))?.intake.business).toBe('New');
  });

  it('deletes the team data when the bot token is revoked', async () => {
    await ws.app.store.profiles.save(
      TEAM_ID,
      { business: 'Acme', model: 'inside' },
      { by: REP_ID, at: new Date() },
    );
    await ws.slack.sendEvent({ type: 'tokens_revoked', tokens: { bot: [ws.slack.botUserId] } });
    await expect.poll(() => ws.app.store.profiles.get(TEAM_ID)).toBeUndefined();
  });
});
