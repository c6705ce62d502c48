import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

function problemsOf(raw: Record<string, string>): string[] {
  try {
    loadConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.path).sort();
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('serves a single workspace over HTTP with a bot token and signing secret', () => {
    const config = loadConfig(http);
    expect(config).toMatchObject({ mode: 'http', oauth: false });
    expect(config.env.PORT).toBe(3000);
    expect(config.env.REDIS_KEY_PREFIX).toBe('so');
  });

  it('uses Socket Mode when an app token is set, with no signing secret needed', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).mode).toBe('socket');
  });

  it('lists every missing variable at once when nothing is set', () => {
    expect(problemsOf({})).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('lists each missing OAuth variable and the encryption key', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' })).toEqual([
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
    ]);
    expect(
      problemsOf({
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 'c',
        SLACK_STATE_SECRET: 's',
        SLACK_SIGNING_SECRET: 's',
      }),
    ).toEqual(['TOKEN_ENCRYPTION_KEY']);
  });

  it('turns on OAuth when client id, secret, state secret and encryption key are all set', () => {
    const config = loadConfig({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c',
      SLACK_STATE_SECRET: 's',
      TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32),
      SLACK_SIGNING_SECRET: 's',
    });
    expect(config.oauth).toBe(true);
  });

  it('says how to fix a malformed token', () => {
    expect(() => loadConfig({ ...http, SLACK_BOT_TOKEN: 'xoxp-user' })).toThrow(/starting with xoxb-/);
  });

  it('wants the bot id and bot user id together', () => {
    expect(problemsOf({ ...http, SLACK_BOT_ID: 'B123' })).toEqual(['SLACK_BOT_USER_ID']);
    expect(
      loadConfig({ ...http, SLACK_BOT_ID: 'B123', SLACK_BOT_USER_ID: 'U123' }).env.SLACK_BOT_USER_ID,
    ).toBe('U123');
  });

  it('refuses a key prefix that could match other keys', () => {
    expect(problemsOf({ ...http, REDIS_KEY_PREFIX: 'so:*' })).toEqual(['REDIS_KEY_PREFIX']);
  });

  it('reads REDIS_CLUSTER_NODES as host:port pairs, and leaves the cluster off when it is empty', () => {
    const nodes = '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002';
    expect(loadConfig({ ...http, REDIS_CLUSTER_NODES: nodes }).env.REDIS_CLUSTER_NODES).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(loadConfig({ ...http, REDIS_CLUSTER_NODES: ' ' }).env.REDIS_CLUSTER_NODES).toBeUndefined();
  });

  it.each([
    ['10.0.0.1', '"10.0.0.1" is not host:port'],
    ['10.0.0.1:7000,', '"" is not host:port'],
    ['redis://10.0.0.1:7000', '"redis://10.0.0.1:7000" is not host:port'],
    ['10.0.0.1:70000', '"10.0.0.1:70000" is not host:port'],
    ['10.0.0.1:0', '"10.0.0.1:0" is not host:port'],
    ['host name:7000', '"host name:7000" is not host:port'],
  ])('refuses REDIS_CLUSTER_NODES=%s and shows the form it wants', (value, problem) => {
    expect(problemsOf({ ...http, REDIS_CLUSTER_NODES: value })).toEqual(['REDIS_CLUSTER_NODES']);
    expect(() => loadConfig({ ...http, REDIS_CLUSTER_NODES: value })).toThrow(problem);
    expect(() => loadConfig({ ...http, REDIS_CLUSTER_NODES: value })).toThrow(
      'such as 10.0.0.1:7000,10.0.0.2:7000',
    );
  });
});

describe('.env.example', () => {
  const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');

  it('documents exactly the variables the app reads, each under a comment', () => {
    const documented = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const [i, line] of lines.entries()) {
      if (/^[A-Z_]+=/.test(line))
        expect(
          lines
            .slice(0, i)
            .reverse()
            .find((l) => !/^[A-Z_]+=/.test(l)),
        ).toMatch(/^# /);
    }
  });
});
