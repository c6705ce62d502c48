import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENCRYPTION_KEY, type RunningApp, SIGNING_SECRET, startApp } from '../support/app.js';
import { startFakeWebApi } from '../support/fake-web-api.js';
import { postSignedForm } from '../support/signed.js';

const INSTALLED_TOKEN = 'xoxb-9999-installed-secret';

let running: RunningApp | undefined;
let api: Awaited<ReturnType<typeof startFakeWebApi>> | undefined;

afterEach(async () => {
  await running?.stop();
  await api?.stop();
  running = undefined;
  api = undefined;
});

async function startOAuthApp() {
  api = await startFakeWebApi({
    'oauth.v2.access': {
      app_id: 'A1',
      authed_user: { id: 'U1' },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: INSTALLED_TOKEN,
      bot_user_id: 'U0BOT',
      team: { id: 'T9', name: 'Acme' },
      enterprise: null,
      is_enterprise_install: false,
    },
    'auth.test': { bot_id: 'B9', user_id: 'U0BOT', team_id: 'T9', url: 'https://acme.slack.com/' },
  });
  running = await startApp({
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'state-secret',
    TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
    SLACK_API_URL: api.apiUrl,
  });
  return { app: running, api };
}

async function install(baseUrl: string): Promise<Response> {
  const page = await fetch(`${baseUrl}/slack/install`);
  const html = await page.text();
  const state = /state=([^&"]+)/.exec(html)?.[1] ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${baseUrl}/slack/oauth_redirect?code=c1&state=${state}`, { headers: { cookie } });
}

describe('multi-workspace OAuth', () => {
  it('offers an install link asking for exactly the bot scopes of the manifest', async () => {
    const { app } = await startOAuthApp();
    const html = await (await fetch(`${app.baseUrl}/slack/install`)).text();
    const scopes = decodeURIComponent(/scope=([^&"]+)/.exec(html)?.[1] ?? '');
    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(scopes.split(',').sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(scopes.split(',')).toContain('files:read');
  });

  it('stores the installation encrypted and answers that workspace with its own token', async () => {
    const { app, api } = await startOAuthApp();
    expect((await install(app.baseUrl)).status).toBe(200);

    const raw = (await app.redis.get(app.store.keys.installation('T9'))) ?? '';
    expect(raw).not.toBe('');
    expect(raw).not.toContain(INSTALLED_TOKEN);
    expect((await app.store.installations.find({ teamId: 'T9' }))?.bot?.token).toBe(INSTALLED_TOKEN);

    const answer = await postSignedForm(
      app.eventsUrl,
      {
        command: '/sales-ops',
        text: 'Acme Corp',
        team_id: 'T9',
        user_id: 'U1',
        channel_id: 'C1',
        trigger_id: 'trigger-1',
        response_url: `${api.apiUrl}response`,
      },
      SIGNING_SECRET,
    );
    expect(answer.status).toBe(200);
    await expect.poll(() => api.calls.find((c) => c.method === 'views.open')).toBeDefined();
    expect(api.calls.find((c) => c.method === 'views.open')?.authorization).toBe(`Bearer ${INSTALLED_TOKEN}`);
  });

  it('runs no listener and uses no token for a workspace that never installed the app', async () => {
    const { app, api } = await startOAuthApp();
    const answer = await postSignedForm(
      app.eventsUrl,
      {
        command: '/sales-ops',
        text: 'help',
        team_id: 'T404',
        user_id: 'U1',
        channel_id: 'C1',
        trigger_id: 't',
      },
      SIGNING_SECRET,
    );
    // Bolt acknowledges (Slack would otherwise retry) but calls no listener when authorization fails.
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.calls).toEqual([]);
    expect(app.metrics.render()).toContain('sales_ops_errors_total{source="bolt"} 1');
  });
});
