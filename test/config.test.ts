import { describe, expect, it } from 'vitest';
import { loadConfig, loadToolConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.path);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs over HTTP with a bot token and a signing secret, on port 3000 by default', () => {
    const config = loadConfig(http);
    expect(config.mode).toBe('http');
    expect(config.oauth).toBe(false);
    expect(config.env.PORT).toBe(3000);
    expect(config.env.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('uses Socket Mode when an app token is set, and needs no signing secret then', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.mode).toBe('socket');
  });

  it('turns on OAuth when client id, secret and state secret are all set with an encryption key', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 'cs',
      SLACK_STATE_SECRET: 'st',
      TOKEN_ENCRYPTION_KEY: 'a'.repeat(64),
    });
    expect(config.oauth).toBe(true);
  });

  it.each([
    [{}, ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']],
    [{ ...http, PORT: 'eighty' }, ['PORT']],
    [{ ...http, REDIS_URL: 'localhost:6379' }, ['REDIS_URL']],
    [{ ...http, SLACK_BOT_TOKEN: 'xoxp-user' }, ['SLACK_BOT_TOKEN']],
    [{ ...http, SLACK_CLIENT_ID: 'id' }, ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']],
    [
      { ...http, SLACK_CLIENT_ID: 'i', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' },
      ['TOKEN_ENCRYPTION_KEY'],
    ],
    [{ ...http, TOKEN_ENCRYPTION_KEY: 'short' }, ['TOKEN_ENCRYPTION_KEY']],
  ])('lists every missing or malformed variable (%o)', (env, expected) => {
    expect(problemsOf(env as Record<string, string>)).toEqual(expected);
  });

  it('says how to fix a problem in its message', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_BOT_TOKEN: is required \(or set SLACK_CLIENT_ID/,
    );
  });
});

describe('time zones in the configuration', () => {
  it('stops start-up on an unknown DEFAULT_TIMEZONE, naming the variable and the value and how to fix it', () => {
    expect(() => loadConfig({ ...http, DEFAULT_TIMEZONE: 'Mars/Olympus' })).toThrow(
      "DEFAULT_TIMEZONE: 'Mars/Olympus' is not a time zone; use an IANA name such as Europe/Berlin",
    );
    expect(() => loadToolConfig({ DEFAULT_TIMEZONE: 'Mars/Olympus' })).toThrow(ConfigError);
  });

  it.each(['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC'])('accepts %s', (zone) => {
    expect(loadConfig({ ...http, DEFAULT_TIMEZONE: zone }).env.DEFAULT_TIMEZONE).toBe(zone);
  });

  it('defaults to UTC when DEFAULT_TIMEZONE is not set', () => {
    expect(loadConfig(http).env.DEFAULT_TIMEZONE).toBe('UTC');
  });
});

describe('configuration messages', () => {
  it.each([
    [{ ...http, SLACK_BOT_ID: 'B0123ABCD' }, 'SLACK_BOT_USER_ID', 'SLACK_BOT_ID'],
    [{ ...http, SLACK_BOT_USER_ID: 'U0123ABCD' }, 'SLACK_BOT_ID', 'SLACK_BOT_USER_ID'],
  ])('names the missing partner of a pair once, and the one that is set (%o)', (env, missing, given) => {
    expect(() => loadConfig(env)).toThrow(
      `${missing}: is needed too, because ${given} is set: set both, or neither`,
    );
  });

  it.each([
    [{}],
    [{ ...http, PORT: 'eighty', DEFAULT_TIMEZONE: 'Nowhere/Land' }],
    [{ ...http, SLACK_BOT_ID: 'B0123ABCD' }],
    [{ ...http, SLACK_CLIENT_ID: 'id' }],
    [{ ...http, SLACK_CLIENT_ID: 'i', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' }],
  ])('never repeats the variable it names in its own message (%o)', (env) => {
    try {
      loadConfig(env as Record<string, string>);
      expect.unreachable('the configuration should be refused');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) expect(problem.message).not.toContain(problem.path);
    }
  });
});
