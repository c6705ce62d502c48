import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SOURCES = sourceFiles('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Each shared helper and where its one definition lives. */
const HELPERS: [name: string, home: string][] = [
  ['escapeMrkdwn', join('src', 'blocks', 'format.ts')],
  ['truncate', join('src', 'blocks', 'format.ts')],
  ['isTimeZone', join('src', 'engines', 'time-zone.ts')],
  ['parseMoney', join('src', 'engines', 'money.ts')],
  ['fieldErrors', join('src', 'views', 'field-errors.ts')],
  ['isStaleTrigger', join('src', 'slack', 'stale-trigger.ts')],
];

describe('one of each shared helper', () => {
  it.each(HELPERS)('defines %s once, in %s', (name, home) => {
    const definition = new RegExp(`(function|const|let)\\s+${name}\\b`);
    expect(SOURCES.filter((f) => definition.test(f.text)).map((f) => f.path)).toEqual([home]);
  });

  it('keeps the list of stale trigger errors in one place', () => {
    const lists = SOURCES.filter((f) => f.text.includes("'exchanged_trigger_id'")).map((f) => f.path);
    expect(lists.filter((p) => !p.startsWith(join('src', 'sandbox')))).toEqual([
      join('src', 'slack', 'stale-trigger.ts'),
    ]);
  });
});
