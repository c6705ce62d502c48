import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { Env } from './config.js';

export type { Logger } from 'pino';

const SECRET_KEYS = [
  'token',
  'botToken',
  'userToken',
  'appToken',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'bot_token',
  'client_secret',
  'clientSecret',
  'signingSecret',
  'authorization',
  'email',
];

/** Object paths whose values never reach the log, at the top level and up to two levels down. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

const TOKEN_PATTERN = /\bxox[a-z]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+/g;
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const SECRET_NAMES = [
  ...SECRET_KEYS.filter((k) => k !== 'email' && k !== 'token'),
  'signing_secret',
  'state_secret',
  'stateSecret',
  'encryption_key',
  'password',
  'token',
];
/**
 * `name=value`, `name: value` and `"name":"value"` (also JSON-escaped inside a string) for every secret
 * name: the value goes, the name stays so the log still says what was there.
 */
const SECRET_PAIR = new RegExp(
  `((?:^|[^A-Za-z0-9_])(?:${SECRET_NAMES.join('|')})(?:\\\\)*(?:\\\\?")?\\s*[:=]\\s*(?:\\\\?")?)([^"&\\\\\\s,;}]+)`,
  'gi',
);

/** Replaces Slack tokens, secrets written as name=value and e-mail addresses inside free text. */
export function scrub(text: string): string {
  return text
    .replace(TOKEN_PATTERN, '[token]')
    .replace(SECRET_PAIR, '$1[redacted]')
    .replace(EMAIL_PATTERN, '[email]');
}

/**
 * A destination that scrubs every finished line, so a secret is removed wherever it sits: a message
 * string, an error's message or stack, or an object deeper than the redaction paths reach. Known secret
 * values (the signing secret, client secret…) are removed verbatim too.
 */
function scrubbing(destination: DestinationStream, secrets: readonly string[]): DestinationStream {
  const known = secrets.filter((v) => v.length >= 6);
  return {
    write(line: string) {
      let clean = scrub(line);
      for (const value of known) clean = clean.replaceAll(value, '[redacted]');
      destination.write(clean);
    },
  };
}

/**
 * Builds the app's JSON logger; `destination` lets tests capture the output, `secrets` are values that
 * must never appear in a line (the process's own secrets from the config).
 */
export function createLogger(
  level: Env['LOG_LEVEL'],
  destination?: DestinationStream,
  extra: { secrets?: readonly (string | undefined)[] } = {},
): Logger {
  const secrets = (extra.secrets ?? []).filter((v): v is string => typeof v === 'string');
  const options: LoggerOptions = {
    level,
    base: { app: 'sales-ops' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((a) => (typeof a === 'string' ? scrub(a) : a));
        Reflect.apply(method, this, cleaned);
      },
    },
  };
  return pino(options, scrubbing(destination ?? pino.destination({ dest: 1, sync: true }), secrets));
}

function boltLevel(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'warn') return LogLevel.WARN;
  if (level === 'info') return LogLevel.INFO;
  return LogLevel.ERROR;
}

function toPino(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void {
  const error = parts.find((p): p is Error => p instanceof Error);
  const text = parts
    .filter((p) => p !== error)
    .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
  if (error) logger[level]({ err: error }, text || error.message);
  else logger[level](text);
}

/** Adapts pino to Bolt's logger interface so Bolt and the Web API client log the same JSON lines. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  // Bolt and every WebClient call setLevel/setName on the shared logger; pino's own level stays in charge.
  let level = boltLevel(logger.level);
  return {
    debug: (...parts: unknown[]) => toPino(child, 'debug', parts),
    info: (...parts: unknown[]) => toPino(child, 'info', parts),
    warn: (...parts: unknown[]) => toPino(child, 'warn', parts),
    error: (...parts: unknown[]) => toPino(child, 'error', parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** The Bolt log level matching the configured pino level. */
export function boltLogLevel(level: Env['LOG_LEVEL']): LogLevel {
  return boltLevel(level);
}
