import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../src/engines/qualification');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const FORBIDDEN: [string, RegExp][] = [
  ['a Slack import', /from '@slack\//],
  ['a BullMQ import', /from 'bullmq'/],
  ['an ioredis import', /from 'ioredis'/],
  ['Date.now()', /Date\.now\(/],
  ['new Date() without arguments', /new Date\(\)/],
  ['DateTime.now()', /DateTime\.(now|local)\(\)/],
  ['Math.random()', /Math\.random\(/],
];

describe('the qualification engine', () => {
  const files = sources(ROOT);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN)('never uses %s', (_what, pattern) => {
    expect(files.filter((f) => pattern.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
