import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ['a Slack import', /from ['"]@slack\//],
  ['a BullMQ import', /from ['"]bullmq['"]/],
  ['a Redis import', /from ['"]ioredis['"]/],
  ['a file-system or network import', /from ['"]node:(fs|net|http|https)(\/promises)?['"]/],
  ['the clock (Date.now)', /Date\.now\(/],
  ['the clock (new Date())', /new Date\(\)/],
  ['the clock (DateTime.now)', /DateTime\.(now|local)\(\)/],
  ['randomness', /Math\.random\(/],
  ['the environment', /process\.env/],
];

describe('engines', () => {
  const files = sources('src/engines');

  it('exist to be checked', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('never use %s, so the same input always gives the same output', (_, pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
