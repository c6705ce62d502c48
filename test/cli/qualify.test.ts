import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, usage } from '../../src/cli/qualify.js';
import { main } from '../../src/cli.js';
import type { Problem } from '../../src/errors.js';
import { collect as collectIn, inputProblems } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sales-ops-qualify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = () => collectIn(dir);

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const problemsOf = (args: string[]) => inputProblems(run, args, dir);

describe('sales-ops qualify', () => {
  it('prints a BANT scorecard from flags, with evidence, verdict and next questions', async () => {
    const io = collect();
    const code = await run(
      [
        '--framework',
        'bant',
        '--budget',
        'confirmed',
        '--evidence-budget',
        'Approved $50k in Q3 plan',
        '--authority',
        'partial',
        '--need',
        'confirmed',
        '--timeline',
        'unknown',
        '--lead',
        'Acme',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain('BANT scorecard for Acme (v1.0.0)');
    expect(io.out).toMatch(/Budget +Confirmed +1\/1 +met\n +evidence: Approved \$50k in Q3 plan/);
    expect(io.out).toContain('Score: 2/4 (qualifies at 3/4)');
    expect(io.out).toContain('Verdict: NURTURE');
    expect(io.out).toContain(
      'Next questions:\n  - Authority: Who signs the contract, and who could veto it?',
    );
  });

  it('reads kebab-case flags and points for multiword MEDDIC criteria', async () => {
    const io = collect();
    await run(
      [
        '--framework',
        'meddic',
        '--metrics',
        '2',
        '--economic-buyer',
        '2',
        '--decision-criteria',
        'validated',
        '--decision-process=3',
        '--identify-pain',
        '2',
        '--champion',
        'validated',
      ],
      io,
    );
    expect(io.out).toContain('Score: 13/18 (qualifies at 12/18)');
    expect(io.out).toContain('Verdict: QUALIFIED');
  });

  it('reads answers from a YAML file and lets flags override them', async () => {
    const answers = file(
      'globex.yml',
      [
        'framework: meddic',
        'lead: Globex',
        'answers:',
        '  metrics: { level: validated, evidence: "Forecast error 30% to 10%" }',
        '  economic_buyer: 2',
        '  champion: identified',
        '',
      ].join('\n'),
    );
    const io = collect();
    await run(
      ['--answers', answers, '--champion', '3', '--evidence-champion', 'Ana set up the CFO meeting'],
      io,
    );
    expect(io.out).toContain('MEDDIC scorecard for Globex (v1.0.0)');
    expect(io.out).toMatch(/evidence: Forecast error 30% to 10%/);
    expect(io.out).toMatch(
      /Champion +Confirmed with evidence +3\/3 +met\n +evidence: Ana set up the CFO meeting/,
    );
    expect(io.out).toContain('Score: 7/18');
  });

  it('reads a JSON answers file with lead facts that disqualify', async () => {
    const answers = file(
      'lead.json',
      JSON.stringify({
        framework: 'bant',
        answers: { budget: { level: 'confirmed' } },
        facts: { lastActivityAt: '2025-01-01' },
        now: '2025-03-01T00:00:00Z',
      }),
    );
    const io = collect();
    await run(['--answers', answers], io);
    expect(io.out).toContain('Verdict: DISQUALIFIED');
    expect(io.out).toContain('  - Stale (no activity for 59 days since 2025-01-01; the limit is 14)');
  });

  it('disqualifies on fact flags and names every reason', async () => {
    const io = collect();
    await run(['--framework', 'sandler', '--pain', 'no-pain', '--competitor', '--existing-customer'], io);
    expect(io.out).toContain(
      'Disqualification reasons:\n  - No pain or compelling event (Pain: No pain)\n  - Competitor or student (works for a competitor)\n  - Duplicate or existing customer (already a customer)\n',
    );
  });

  it('judges staleness against --now and --stale-after', async () => {
    const args = ['--framework', 'bant', '--last-activity', '2025-03-01', '--now', '2025-03-20T00:00:00Z'];
    const fresh = collect();
    await run([...args, '--stale-after', '30'], fresh);
    expect(fresh.out).not.toContain('Stale');
    const stale = collect();
    await run(args, stale);
    expect(stale.out).toContain('Stale (no activity for 19 days since 2025-03-01; the limit is 14)');
  });

  it('lists every framework with its criteria flags and levels under --help', async () => {
    const io = collect();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toBe(usage());
    for (const id of ['bant', 'meddic', 'meddpicc', 'spin', 'sandler', 'challenger'])
      expect(io.out).toContain(`  ${id} `);
    expect(io.out).toMatch(/--budget +red_flag, unknown, partial, confirmed/);
    expect(io.out).toMatch(
      /--economic-buyer +no_access, unknown \(0\), identified \(1\), validated \(2\), confirmed \(3\)/,
    );
    expect(io.out).toMatch(/--up-front-contract +none \(0\), agenda \(1\), agreed \(2\)/);
  });

  it.each<[string, string[], Problem[]]>([
    [
      'an unknown framework',
      ['--framework', 'bnat'],
      [
        {
          path: '--framework',
          message: 'unknown framework "bnat"; use one of bant, meddic, meddpicc, spin, sandler, challenger',
        },
      ],
    ],
    [
      'no framework',
      ['--budget', 'confirmed'],
      [
        {
          path: '--framework',
          message:
            'is required: one of bant, meddic, meddpicc, spin, sandler, challenger (or use --answers FILE)',
        },
      ],
    ],
    [
      'a mistyped flag',
      ['--framework', 'bant', '--budgte', 'confirmed'],
      [{ path: '--budgte', message: 'unknown flag; did you mean --budget?' }],
    ],
    [
      'an unknown flag',
      ['--framework', 'bant', '--colour', 'red'],
      [{ path: '--colour', message: 'unknown flag; run sales-ops qualify --help for the flags' }],
    ],
    [
      'a flag without its value',
      ['--framework', 'bant', '--budget'],
      [{ path: '--budget', message: 'needs a value, e.g. --budget VALUE (quote values with spaces)' }],
    ],
    [
      'a stray word',
      ['--framework', 'bant', 'Acme'],
      [
        {
          path: 'Acme',
          message: 'unexpected argument; put values after their flag and quote values with spaces',
        },
      ],
    ],
    [
      'bad levels and a criterion of another framework',
      ['--framework', 'bant', '--budget', 'lots', '--champion', '2'],
      [
        {
          path: '--budget',
          message: '"lots" is not a Budget level; use one of red_flag, unknown, partial, confirmed',
        },
        {
          path: '--champion',
          message: 'not a BANT criterion; BANT takes --budget, --authority, --need, --timeline',
        },
      ],
    ],
    [
      'evidence without a level',
      ['--framework', 'bant', '--evidence-need', 'Lost two deals'],
      [{ path: '--evidence-need', message: 'give the level too, e.g. --need confirmed' }],
    ],
    [
      'a --now that is not a date',
      ['--framework', 'bant', '--now', 'today'],
      [{ path: '--now', message: 'must be an ISO 8601 date such as 2025-03-01 or 2025-03-01T09:00Z' }],
    ],
    [
      'a stale limit that is not a number',
      ['--framework', 'bant', '--stale-after', 'two weeks'],
      [{ path: '--stale-after', message: 'must be a whole number of days, 1 or more, e.g. 14' }],
    ],
    [
      'a missing answers file',
      ['--answers', 'nope.yml'],
      [{ path: '--answers', message: 'cannot read nope.yml: no such file' }],
    ],
  ])('rejects %s, saying how to fix it', async (_case, args, problems) => {
    expect(await problemsOf(args)).toEqual(problems);
  });

  it('names the answers file in problems found inside it', async () => {
    const bad = file('bad.yml', 'framework: bant\nanswers:\n  budget: lots\n  champion: 2\n');
    expect(await problemsOf(['--answers', bad])).toEqual([
      {
        path: 'bad.yml: answers.budget',
        message: '"lots" is not a Budget level; use one of red_flag, unknown, partial, confirmed',
      },
      {
        path: 'bad.yml: answers.champion',
        message: 'not a BANT criterion; use one of budget, authority, need, timeline',
      },
    ]);
    const list = file('list.yml', '- bant\n');
    expect(await problemsOf(['--answers', list])).toEqual([
      { path: 'list.yml', message: 'must be a mapping with framework and answers' },
    ]);
    const broken = file('broken.yml', 'framework: [bant\n');
    expect((await problemsOf(['--answers', broken]))[0]?.path).toBe('--answers');
  });

  it('refuses a --framework that contradicts the answers file', async () => {
    const answers = file('spin.yml', 'framework: spin\n');
    expect(await problemsOf(['--answers', answers, '--framework', 'bant'])).toEqual([
      { path: '--framework', message: 'bant differs from "spin" in spin.yml; keep one' },
    ]);
  });

  it('takes the framework from the flag when the answers file leaves it out', async () => {
    const answers = file('partial.yml', 'answers:\n  teach: reframed\n');
    const io = collect();
    await run(['--answers', answers, '--framework', 'challenger'], io);
    expect(io.out).toMatch(/Teach +Reframed +2\/3 +met/);
  });

  it('exits 2 through the dispatcher, printing one line per problem', async () => {
    const io = collect();
    const code = await main(['qualify', '--framework', 'bant', '--budget', 'lots', '--champion', '2'], io);
    expect(code).toBe(2);
    expect(io.err.trim().split('\n')).toEqual([
      'error: --budget: "lots" is not a Budget level; use one of red_flag, unknown, partial, confirmed',
      'error: --champion: not a BANT criterion; BANT takes --budget, --authority, --need, --timeline',
    ]);
    expect(io.out).toBe('');
  });
});
