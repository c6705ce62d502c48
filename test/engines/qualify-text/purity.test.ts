import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../src/engines/qualify-text');
const files = readdirSync(ROOT)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(ROOT, f));

describe('the inline qualification reader', () => {
  it.each([
    ['a Slack import', /from '@slack\//],
    ['an ioredis import', /from 'ioredis'/],
    ['Date.now()', /Date\.now\(/],
    ['new Date() without arguments', /new Date\(\)/],
    ['DateTime.now()', /DateTime\.(now|local)\(\)/],
    ['Math.random()', /Math\.random\(/],
  ])('never uses %s', (_what, pattern) => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => pattern.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
