import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const leftover of running) leftover.kill('SIGKILL');
    for (const cleanup of cleanups) cleanup();
  });
}

/**
 * Kills `child` when the test process exits, however it exits (a failed hook, a timeout, the runner
 * tearing the worker down): no app, worker or redis-server of the suite outlives it.
 */
export function reapOnExit(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  hookExit();
  return child;
}

/** Runs `cleanup` (synchronous) at exit unless the returned function is called first. */
export function cleanUpOnExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  hookExit();
  return () => {
    cleanups.delete(cleanup);
    cleanup();
  };
}
