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

/** Replaces Slack tokens and e-mail addresses inside free text, for messages that redaction paths cannot reach. */
export function scrub(text: string): string {
  return text.replace(TOKEN_PATTERN, '[token]').replace(EMAIL_PATTERN, '[email]');
}

/** Builds the app's JSON logger; `destination` lets tests capture the output. */
export function createLogger(level: Env['LOG_LEVEL'], destination?: DestinationStream): Logger {
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
  return destination ? pino(options, destination) : pino(options);
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
