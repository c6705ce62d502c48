import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'artifacts']);
const TEXT = /\.(ts|mts|js|mjs|json|md|yml|yaml|sh|txt|csv|example)$|^run$/;

/** Every text file of the repository, as paths relative to its root. */
function textFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return textFiles(path);
    return TEXT.test(name) && name !== 'package-lock.json' ? [relative(ROOT, path)] : [];
  });
}

// Written in pieces so this file does not match itself.
const OUTSIDE = [`..${'/'}shared`, `/${'work'}/`, `/${'home'}/`, `/${'root'}/`, `C:${'\\'}Users`];

describe('the repository', () => {
  it('refers to nothing outside itself: no sibling folder and no path of a particular machine', () => {
    const offenders = textFiles().flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return OUTSIDE.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps the CRM sample the tests, docs and benchmarks read, with its source and terms', () => {
    const sample = join(ROOT, 'examples', 'maven-crm');
    for (const file of ['sales_pipeline.csv', 'accounts.csv', 'products.csv', 'sales_teams.csv']) {
      expect(statSync(join(sample, file)).size).toBeGreaterThan(0);
    }
    const readme = readFileSync(join(sample, 'README.md'), 'utf8');
    expect(readme).toContain('Maven Analytics');
    expect(readme).toContain('public domain');
    const deals = readFileSync(join(sample, 'sales_pipeline.csv'), 'utf8').trim().split('\n');
    expect(deals).toHaveLength(8_801);
  });
});
