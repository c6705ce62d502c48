/**
 * The sales-ops side of the ack benchmark as production runs it: `node dist/app.js` (bench/production.ts),
 * on a port of its own and a Redis key prefix of its own.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { EVENTS_PATH } from '../src/slack/create-app.js';
import { HEALTH_PATH } from '../src/slack/routes.js';
import { deleteAppKeys, openTestRedis, randomPrefix } from '../test/support/redis.js';
import { spawnProduction } from './production.js';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/** Resolves once GET /healthz answers 200; rejects if the process exits first or after 30 s. */
async function healthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dist/app.js exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('dist/app.js did not answer /healthz within 30 s');
}

export interface ProductionApp {
  url: string;
  child: ChildProcess;
  /** Deletes the keys the app and its job queues wrote (call after it has exited). */
  clean(): Promise<void>;
}

/** Starts `node dist/app.js` answering Slack at `apiUrl`; `nodeArgs` go before the script (--cpu-prof). */
export async function startProductionApp(apiUrl: string, nodeArgs: string[] = []): Promise<ProductionApp> {
  const port = await freePort();
  const prefix = randomPrefix();
  const child = spawnProduction('app', { apiUrl, prefix, nodeArgs, env: { PORT: String(port) } });
  const base = `http://127.0.0.1:${port}`;
  await healthy(`${base}${HEALTH_PATH}`, child);
  return {
    url: `${base}${EVENTS_PATH}`,
    child,
    async clean() {
      const redis = openTestRedis();
      try {
        await deleteAppKeys(redis, prefix);
      } finally {
        await redis.quit();
      }
    },
  };
}
