import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** One instance of every error class errors.ts exports. */
const INSTANCES: Record<string, Error & { code: string }> = {
  InputError: new errors.InputError('bad'),
  ConfigError: new errors.ConfigError([{ path: 'X', message: 'is needed' }]),
  NotFoundError: new errors.NotFoundError('gone'),
  ConflictError: new errors.ConflictError('clash'),
  RedisSetupError: new errors.RedisSetupError('down'),
  CorruptRecordError: new errors.CorruptRecordError('k', 'bad'),
  DecryptionError: new errors.DecryptionError('k'),
  NoInstallationError: new errors.NoInstallationError('T1'),
  DownloadError: new errors.DownloadError('no file'),
  RetryLaterError: new errors.RetryLaterError(1000),
  PostRefusedError: new errors.PostRefusedError('not_in_channel', 'C1'),
  PaceWaitError: new errors.PaceWaitError(1_000, 3),
};

describe('errors', () => {
  it('gives every error class a distinct code from ErrorCode', () => {
    const exported = Object.entries(errors)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([name]) => name);
    expect(Object.keys(INSTANCES).sort()).toEqual(exported.sort());
    const codes = Object.values(INSTANCES).map((e) => e.code);
    for (const code of codes) expect(Object.values(errors.ErrorCode)).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('defines every error class of the app in errors.ts (the sandbox may keep its own)', () => {
    const outside = sourceFiles('src')
      .filter((f) => !f.endsWith('errors.ts') && !f.startsWith(join('src', 'sandbox')))
      .filter((f) => /class \w+ extends Error\b/.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });

  it('keeps a coded error recognisable after it crosses a module boundary', () => {
    const error = new errors.CorruptRecordError('sales-ops:lead:T1:acme', 'budget: expected a number');
    expect(error).toMatchObject({ name: 'CorruptRecordError', code: 'sales_ops_corrupt_record' });
    expect(error.message).toBe(
      'The record at sales-ops:lead:T1:acme is unreadable (budget: expected a number); delete it or save it again.',
    );
  });
});
