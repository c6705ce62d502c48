import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under `dir`, as a path relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The files under src/ that `file` imports (static, re-export and dynamic), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specs.map((spec) => relative('src', normalize(join(dirname(file), spec))).replace(/\.js$/, '.ts'));
}

const FILES = sources('src').map((file) => ({ file: relative('src', file), imports: importsOf(file) }));

/** The layer a path under src/ belongs to: its first folder, or the file name for top-level files. */
const layer = (path: string) => path.split('/')[0] ?? '';

/** The feature a path belongs to when it sits in a feature folder under src/commands/. */
function featureOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'commands' && parts.length > 2 ? parts[1] : undefined;
}

/** Every import from files of `from` that `allowed` refuses, as "file -> import". */
function violations(
  from: (file: string) => boolean,
  allowed: (target: string, file: string) => boolean,
): string[] {
  return FILES.filter((f) => from(f.file)).flatMap((f) =>
    f.imports.filter((target) => !allowed(target, f.file)).map((target) => `${f.file} -> ${target}`),
  );
}

/** Shared by every layer: the coded error classes. */
const SHARED = new Set(['errors.ts']);

/** Ids are constants that builders, renderers and handlers share (a view's `ids.ts`). */
const isViewIds = (target: string) => layer(target) === 'views' && target.endsWith('/ids.ts');

/** A feature's public entry: what other features and the platform code may import from it. */
const isFeatureEntry = (target: string) => featureOf(target) !== undefined && target.endsWith('/index.ts');

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(FILES.find((f) => f.file === 'app.ts')?.imports).toContain('slack/create-app.ts');
  });

  it('keeps the engines free of the app: they import only other engines and the error classes', () => {
    expect(
      violations(
        (f) => layer(f) === 'engines',
        (t) => layer(t) === 'engines' || SHARED.has(t),
      ),
    ).toEqual([]);
  });

  it('keeps renderers pure: blocks import only engines, blocks, view ids and the CSV reader, never store records, commands or Slack code', () => {
    expect(
      violations(
        (f) => layer(f) === 'blocks',
        // src/import is the pure CSV reader the CLI shares; renderers describe its sources and results.
        (t) => ['engines', 'blocks', 'import'].includes(layer(t)) || SHARED.has(t) || isViewIds(t),
      ),
    ).toEqual([]);
  });

  it('keeps storage below every surface: store imports no slack, commands, blocks or views', () => {
    const surfaces = ['slack', 'commands', 'blocks', 'views'];
    expect(
      violations(
        (f) => layer(f) === 'store',
        (t) => !surfaces.includes(layer(t)),
      ),
    ).toEqual([]);
  });

  it("keeps features apart: a feature reaches another only through that feature's index.ts", () => {
    const found = violations(
      (f) => featureOf(f) !== undefined,
      (t, f) => featureOf(t) === undefined || featureOf(t) === featureOf(f) || isFeatureEntry(t),
    );
    expect(found).toEqual([]);
  });

  it("keeps src/slack platform code: it reaches a feature only through the feature's index.ts", () => {
    expect(
      violations(
        (f) => layer(f) === 'slack',
        (t) => featureOf(t) === undefined || isFeatureEntry(t),
      ),
    ).toEqual([]);
  });

  it('catches a forbidden import when there is one', () => {
    const wrong = { file: 'blocks/x.ts', imports: ['store/index.ts', 'engines/lead.ts'] };
    const refused = wrong.imports.filter((t) => !['engines', 'blocks'].includes(layer(t)));
    expect(refused).toEqual(['store/index.ts']);
  });
});
