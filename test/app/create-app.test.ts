import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type RawEnv } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createAfterAck } from '../../src/slack/after-ack.js';
import { createApp, type SlackApp } from '../../src/slack/create-app.js';
import { createMetrics } from '../../src/slack/metrics.js';
import type { Store } from '../../src/store/index.js';
import { openTestRedis } from '../support/redis.js';

const base: RawEnv = { LOG_LEVEL: 'silent', SLACK_BOT_ID: 'B1', SLACK_BOT_USER_ID: 'U1' };
const store = {} as Store;
const redis = openTestRedis();
let started: SlackApp | undefined;

afterEach(async () => {
  await started?.stop();
  started = undefined;
});

function build(env: RawEnv, ping: () => Promise<string> = () => redis.ping()) {
  const metrics = createMetrics();
  const slack = createApp(loadConfig({ ...base, ...env }), {
    redis: { ping },
    store,
    logger: createLogger('silent'),
    metrics,
    afterAck: createAfterAck(),
  });
  return { slack, metrics };
}

describe('createApp', () => {
  it('serves HTTP with signature checking when there is no app token', () => {
    const { slack } = build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(slack.receiver).toBeInstanceOf(HTTPReceiver);
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const { slack } = build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(slack.receiver).toBeInstanceOf(SocketModeReceiver);
  });

  it('installs through OAuth when client id, secret and state secret are set', () => {
    const { slack } = build({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c',
      SLACK_STATE_SECRET: 'st',
      TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32),
    });
    expect(slack.receiver).toBeInstanceOf(HTTPReceiver);
    expect(slack.receiver.installer).toBeDefined();
  });

  it('points every Web API call at SLACK_API_URL', () => {
    const { slack } = build({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(slack.app.client.slackApiUrl).toBe('http://127.0.0.1:9/api/');
  });
});

describe('operations routes', () => {
  it('answers /healthz with 200 when Redis answers PING', async () => {
    const { slack } = build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    started = slack;
    const port = await slack.start(0);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers /healthz with 503 when Redis does not answer', async () => {
    const { slack } = build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, () =>
      Promise.reject(new Error('Connection is closed.')),
    );
    started = slack;
    const port = await slack.start(0);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, redis: 'unreachable' });
  });

  it('serves /metrics in Prometheus text format', async () => {
    const { slack, metrics } = build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    metrics.commands.inc({ name: 'help' });
    started = slack;
    const port = await slack.start(0);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toContain('sales_ops_commands_total{name="help"} 1');
  });
});

afterAll(async () => {
  await redis.quit();
});
