import { z } from 'zod';
import { isTimeZone } from './engines/time-zone.js';
import { ConfigError, problemsFromZod } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** One `host:port` of REDIS_CLUSTER_NODES: a host name, IPv4 or bracketed IPv6 address, and a port. */
const CLUSTER_NODE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?):(\d{1,5})$/;

export interface ClusterNode {
  host: string;
  port: number;
}

/** Reads `host:port,host:port…` into nodes; an empty value means no cluster. */
const clusterNodes = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): ClusterNode[] | undefined => {
    if (value === undefined || value === '') return undefined;
    const nodes: ClusterNode[] = [];
    for (const raw of value.split(',')) {
      const item = raw.trim();
      const match = CLUSTER_NODE.exec(item);
      const port = Number(match?.[2]);
      if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is not host:port; list the cluster's nodes as host:port separated by commas, such as 10.0.0.1:7000,10.0.0.2:7000`,
        });
        return z.NEVER;
      }
      nodes.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
    }
    return nodes;
  });

/** An IANA time-zone name; an unknown one is refused with the value and an example of a valid name. */
function timeZone(fallback: string) {
  return z
    .string()
    .trim()
    .default(fallback)
    .superRefine((zone, ctx) => {
      if (!isTimeZone(zone)) {
        ctx.addIssue({
          code: 'custom',
          message: `'${zone}' is not a time zone; use an IANA name such as Europe/Berlin`,
        });
      }
    });
}

const fields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce
    .number({ message: 'must be a whole number such as 3000' })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine(
      (v) => /^rediss?:\/\//.test(v),
      'must start with redis:// or rediss://, e.g. redis://127.0.0.1:6379',
    ),
  /** Redis Cluster seed nodes; when set, the app and workers use the cluster and REDIS_URL is ignored. */
  REDIS_CLUSTER_NODES: clusterNodes,
  SLACK_BOT_TOKEN: optionalText.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'must be a bot token starting with xoxb- (OAuth & Permissions page)',
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (v) => v === undefined || v.startsWith('xapp-'),
    'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  TOKEN_ENCRYPTION_KEY: optionalText.refine(
    (v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v),
    'must be 64 hex characters (32 bytes); make one with `openssl rand -hex 32`',
  ),
  SLACK_API_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\//.test(v),
    'must be an http(s) URL such as https://slack.com/api/',
  ),
  SLACK_BOT_ID: optionalText.refine(
    (v) => v === undefined || /^B[A-Z0-9]+$/.test(v),
    'must be a bot id such as B0123ABCD (auth.test returns it as bot_id)',
  ),
  SLACK_BOT_USER_ID: optionalText.refine(
    (v) => v === undefined || /^[UW][A-Z0-9]+$/.test(v),
    'must be a user id such as U0123ABCD (auth.test returns it as user_id)',
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .default('so')
    .refine(
      (v) => /^[A-Za-z0-9_.-]{1,32}$/.test(v),
      'must be 1 to 32 letters, digits, dots, dashes or underscores, such as so',
    ),
  RUN_WORKERS: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** The zone for people whose Slack profile has none, and for workspace schedules. */
  DEFAULT_TIMEZONE: timeZone('UTC'),
  WORKER_LOCK_MS: z.coerce
    .number({ message: 'must be a number of milliseconds, such as 30000' })
    .int('must be a whole number of milliseconds, such as 30000')
    .min(500, 'must be at least 500 (milliseconds)')
    .max(600_000, 'must be at most 600000 (10 minutes)')
    .default(30_000),
});

const schema = fields.superRefine((env, ctx) => {
  const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
  const oauthCount = oauth.filter(Boolean).length;
  if (oauthCount > 0 && oauthCount < 3) {
    for (const key of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
      if (!env[key])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is needed for OAuth installs (set all three, or none)',
        });
    }
  }
  if (oauthCount === 3 && !env.TOKEN_ENCRYPTION_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['TOKEN_ENCRYPTION_KEY'],
      message: 'is needed to encrypt installation tokens; make one with `openssl rand -hex 32`',
    });
  }
  if (oauthCount === 0 && !env.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_BOT_TOKEN'],
      message: 'is required (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth)',
    });
  }
  if (Boolean(env.SLACK_BOT_ID) !== Boolean(env.SLACK_BOT_USER_ID)) {
    const [missing, given] = env.SLACK_BOT_ID
      ? (['SLACK_BOT_USER_ID', 'SLACK_BOT_ID'] as const)
      : (['SLACK_BOT_ID', 'SLACK_BOT_USER_ID'] as const);
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: `is needed too, because ${given} is set: set both, or neither`,
    });
  }
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message:
        'is required over HTTP (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
    });
  }
});

/** The name of every variable the app reads; .env.example documents each one. */
export const CONFIG_VARIABLES = Object.keys(fields.shape);

export type RawEnv = Record<string, string | undefined>;
export type Env = z.output<typeof schema>;

/** How the app talks to Slack, derived from which variables are set. */
export type SlackMode = 'socket' | 'http';

export interface Config {
  env: Env;
  mode: SlackMode;
  oauth: boolean;
}

/** Reads and checks the environment; throws ConfigError listing every missing or malformed variable. */
export function loadConfig(raw: RawEnv = process.env): Config {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(problemsFromZod(parsed.error));
  const env = parsed.data;
  return {
    env,
    mode: env.SLACK_APP_TOKEN ? 'socket' : 'http',
    oauth: Boolean(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET),
  };
}

/** The few variables the offline CLI and the worker read without needing Slack credentials. */
export function loadToolConfig(
  raw: RawEnv = process.env,
): Pick<Env, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_KEY_PREFIX' | 'LOG_LEVEL' | 'DEFAULT_TIMEZONE'> {
  const parsed = fields
    .pick({
      REDIS_URL: true,
      REDIS_CLUSTER_NODES: true,
      REDIS_KEY_PREFIX: true,
      LOG_LEVEL: true,
      DEFAULT_TIMEZONE: true,
    })
    .safeParse(raw);
  if (!parsed.success) throw new ConfigError(problemsFromZod(parsed.error));
  return parsed.data;
}
