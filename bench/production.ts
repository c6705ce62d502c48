/**
 * The app's own processes as production runs them: `node dist/app.js` (what `npm start` runs) and
 * `node dist/worker.js` (`npm run worker`), built by `npm run build` and configured through their
 * environment like any deployment, against a benchmark's Slack stand-in and a Redis key prefix of their own.
 * Running the TypeScript sources through tsx instead costs every closure the loader's `__name` helper,
 * which a deployment never pays, and running the workers inside the benchmark would share their event loop
 * with the benchmark's own work.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';
import { TEST_REDIS_ENV } from '../test/support/redis.js';

/** Starts `node dist/<entry>.js` answering to Slack at `apiUrl`; `nodeArgs` go before the script (--cpu-prof). */
export function spawnProduction(
  entry: 'app' | 'worker',
  options: { apiUrl: string; prefix: string; env?: Record<string, string>; nodeArgs?: string[] },
): ChildProcess {
  const script = new URL(`../dist/${entry}.js`, import.meta.url).pathname;
  if (!existsSync(script)) throw new Error(`dist/${entry}.js is missing: run \`npm run build\` first`);
  return spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ...TEST_REDIS_ENV,
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      REDIS_KEY_PREFIX: options.prefix,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_BOT_ID: BOT_ID,
      SLACK_BOT_USER_ID: BOT_USER_ID,
      SLACK_API_URL: options.apiUrl,
      ...options.env,
    },
  });
}

/** Stops a process as a deployment does (SIGTERM: it finishes what it holds) and waits for it to exit. */
export async function stopProduction(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
