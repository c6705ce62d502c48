import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { loadToolConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { describeRedisUrl } from '../redis.js';
import { startSandbox } from './sandbox.js';

/** The sandbox's own key prefix: it never reads or writes a real workspace's keys. */
export const SANDBOX_PREFIX = 'sandbox';

const HOW_TO_START_REDIS = `Start one and run \`npm run sandbox\` again, for example:
  redis-server --daemonize yes                  (Redis installed locally)
  docker run -d -p 6379:6379 redis:7-alpine     (with Docker)
or point REDIS_URL at a running server.`;

/** Deletes the sandbox's keys (app and queues) so every run starts from the same empty workspace. */
async function clearSandboxKeys(redis: Redis, prefix: string): Promise<void> {
  for (const pattern of [`${prefix}:*`, `{${prefix}-jobs}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
}

/** Says whether Redis answers; the sandbox needs nothing else. */
async function reachRedis(url: string): Promise<Redis | undefined> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return undefined;
  }
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3200' },
    'keep-data': { type: 'boolean', default: false },
    'no-sample': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a whole number from 0 to 65535, such as 3200, not ${values.port}\n`);
  process.exit(2);
}
/** REDIS_URL as the config reads it (the only reader of the environment), or the reason it is unusable. */
function sandboxRedisUrl(): string {
  try {
    return loadToolConfig().REDIS_URL;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
const redisUrl = sandboxRedisUrl();
const redis = await reachRedis(redisUrl);
if (!redis) {
  process.stderr.write(
    `The sandbox needs Redis, and nothing answers at ${describeRedisUrl(redisUrl)}.\n${HOW_TO_START_REDIS}\n`,
  );
  process.exit(1);
}
if (!values['keep-data']) await clearSandboxKeys(redis, SANDBOX_PREFIX);
await redis.quit();

const sandbox = await startSandbox({
  redisUrl,
  prefix: SANDBOX_PREFIX,
  pagePort: port,
  sampleDeals: !values['no-sample'],
});
process.stdout.write(
  [
    '',
    `  sales-ops sandbox: open ${sandbox.pageUrl}`,
    '',
    `  Slack stand-in  ${sandbox.slack.apiUrl}`,
    `  app (HTTP)      ${sandbox.appUrl}`,
    `  Redis           ${describeRedisUrl(redisUrl)}, keys under "${SANDBOX_PREFIX}:" only`,
    `  sample deals    ${values['no-sample'] ? 'none (--no-sample)' : `${sandbox.sampleDeals} from the Maven CRM sample`}`,
    '',
    '  Ctrl+C stops it.',
    '',
  ].join('\n'),
);

const shutdown = () => {
  sandbox.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
