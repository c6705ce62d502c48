import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { cleanUpOnExit, reapOnExit } from './reaper.js';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the suite's own, on its own port, in a temporary directory. */
export interface SuiteRedis {
  port: number;
  url: string;
  /** Stops the server (SHUTDOWN, so AOF is flushed) and starts it again on the same port and directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForPing(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    // A refused connection while the server starts is expected; the loop tries again.
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server at ${url} did not answer within ${timeoutMs} ms`);
}

/** Starts redis-server on a free port; `aof` turns append-only persistence on (fsync every write). */
export async function startRedis(options: { aof?: boolean } = {}): Promise<SuiteRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'so-redis-'));
  const removeDir = cleanUpOnExit(() => rmSync(dir, { recursive: true, force: true }));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    args.push('--maxmemory-policy', 'noeviction');
    if (options.aof) args.push('--appendonly', 'yes', '--appendfsync', 'always');
    else args.push('--appendonly', 'no');
    child = reapOnExit(spawn('redis-server', args, { stdio: 'ignore' }));
    await waitForPing(url);
  };
  const halt = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    port,
    url,
    async restart() {
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      removeDir();
    },
  };
}
