import { type ChildProcess, spawn } from 'node:child_process';
import { reapOnExit } from './reaper.js';

/** Every line any spawned process printed during the suite, for the final scan for secrets. */
export const ALL_LINES: string[] = [];

/** A spawned app or worker process, with its output kept line by line. */
export interface Spawned {
  child: ChildProcess;
  lines: string[];
  /** Resolves once a line contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `src/<entry>.ts` as `npm start` / `npm run worker` would, with `env` laid over the process's. */
export function spawnEntry(entry: 'app' | 'worker', env: Record<string, string>): Spawned {
  const child = reapOnExit(
    spawn(process.execPath, ['--import', 'tsx', `src/${entry}.ts`], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const lines: string[] = [];
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      ALL_LINES.push(line);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!lines.some((l) => l.includes(text))) {
        if (child.exitCode !== null) throw new Error(`${entry} exited: ${lines.slice(-5).join('\n')}`);
        if (Date.now() > deadline)
          throw new Error(`${entry} never said "${text}": ${lines.slice(-5).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
