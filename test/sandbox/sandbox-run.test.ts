import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run sandbox', () => {
  it('says how to start Redis when none answers, and exits without starting anything', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/sandbox/run.ts', '--port', '0'], {
      env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('The sandbox needs Redis, and nothing answers at redis://127.0.0.1:1');
    expect(failed?.stderr).toContain('redis-server --daemonize yes');
  });

  it('refuses a port that is not a number, naming the option', async () => {
    const failed = await run(process.execPath, [
      '--import',
      'tsx',
      'src/sandbox/run.ts',
      '--port',
      'abc',
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('--port must be a whole number from 0 to 65535, such as 3200, not abc');
  });
});
