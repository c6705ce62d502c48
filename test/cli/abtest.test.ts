import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/abtest.js';
import { main } from '../../src/cli.js';
import { collect, inputProblems } from '../support/cli.js';

const problemsOf = (args: string[]) => inputProblems(run, args);

describe('sales-ops abtest', () => {
  it('prints z, p, chi-square, the needed sample, P(B > A) and the verdict', async () => {
    const io = collect();
    expect(await run(['--a', '40/1000', '--b', '60/1000'], io)).toBe(0);
    expect(io.out).toContain('A           40 / 1,000 replied (4.0%)');
    expect(io.out).toContain('B           60 / 1,000 replied (6.0%)');
    expect(io.out).toContain('Lift        +2.0 points (+50.0%)');
    expect(io.out).toContain('z-test      z = 2.052, p = 0.040');
    expect(io.out).toContain('Chi-square  4.211 (df 1), p = 0.040');
    expect(io.out).toContain("Baseline    4.0% (A's 4.0% over 1,000 sends)");
    expect(io.out).toContain('Needed      1,609 sends per variant for a 2.0-point lift');
    expect(io.out).toContain('P(B > A)    98.0%');
    expect(io.out).toContain('Verdict     keep-testing');
    expect(io.out).toContain('A needs 609 more, B 609 more');
    expect(io.err).toBe('');
  });

  it('uses --alpha, --power and --lift', async () => {
    const io = collect();
    await run(
      ['--a', '400/10000', '--b', '500/10000', '--alpha', '0.05', '--power', '0.8', '--lift', '0.01'],
      io,
    );
    expect(io.out).toContain('Needed      6,238 sends per variant for a 1.0-point lift');
    expect(io.out).toContain('P(B > A)    > 99.9%');
    expect(io.out).toContain('Verdict     b-wins');
  });

  it("plans from control A's rate: 10 % with +2 points needs 3,623 per arm, as Evan Miller's calculator", async () => {
    const io = collect();
    await run(['--a', '100/1000', '--b', '120/1000', '--lift', '0.02'], io);
    expect(io.out).toContain('Needed      3,623 sends per variant for a 2.0-point lift');
  });

  it('fixes the plan at --baseline, whatever A has done since', async () => {
    const io = collect();
    await run(['--a', '40/1000', '--b', '60/1000', '--baseline', '0.1', '--lift', '0.02'], io);
    expect(io.out).toContain('Baseline    10.0% (A before the test, from --baseline)');
    expect(io.out).toContain('Needed      3,623 sends per variant');
    expect(io.out).toContain('A needs 2,623 more, B 2,623 more');
  });

  it('prints usage for --help', async () => {
    const io = collect();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: sales-ops abtest --a REPLIES\/SENDS/);
  });

  it.each([
    { name: 'a missing --a', args: ['--b', '6/100'], path: '--a', text: 'is required' },
    { name: 'no sends', args: ['--a', '40/0', '--b', '6/100'], path: '--a', text: 'at least 1 send' },
    {
      name: 'a bare number',
      args: ['--a', '40', '--b', '6/100'],
      path: '--a',
      text: 'REPLIES/SENDS such as 40/1000',
    },
    { name: 'a negative count', args: ['--a=-4/100', '--b', '6/100'], path: '--a', text: 'REPLIES/SENDS' },
    {
      name: 'more replies than sends',
      args: ['--a', '4/100', '--b', '60/10'],
      path: '--b',
      text: 'more replies (60)',
    },
    {
      name: 'alpha of 1',
      args: ['--a', '4/100', '--b', '6/100', '--alpha', '1'],
      path: '--alpha',
      text: '0 and 1',
    },
    {
      name: 'a baseline of 10 (a percentage, not a share)',
      args: ['--a', '4/100', '--b', '6/100', '--baseline', '10'],
      path: '--baseline',
      text: '0 and 1',
    },
    {
      name: 'power of "high"',
      args: ['--a', '4/100', '--b', '6/100', '--power', 'high'],
      path: '--power',
      text: '0 and 1',
    },
    {
      name: 'a negative lift',
      args: ['--a', '4/100', '--b', '6/100', '--lift=-0.01'],
      path: '--lift',
      text: '0 and 1',
    },
    {
      name: 'a lift too large for the baseline',
      args: ['--a', '4/100', '--b', '6/100', '--lift', '0.99'],
      path: '--lift',
      text: 'must be below',
    },
    {
      name: 'an unknown flag',
      args: ['--a', '4/100', '--b', '6/100', '--beta', '0.2'],
      path: '',
      text: '--help',
    },
  ])('rejects $name', async ({ args, path, text }) => {
    expect(await problemsOf(args)).toContainEqual({ path, message: expect.stringContaining(text) });
  });

  it('explains a value that starts with a dash on one line', async () => {
    const [problem] = await problemsOf(['--a', '-4/100', '--b', '6/100']);
    expect(problem?.message).toMatch(
      /^Option '--a' argument is ambiguous\. .* use '--a=-XYZ' \(see sales-ops abtest --help\)$/,
    );
  });

  it('reports every bad flag at once', async () => {
    const problems = await problemsOf(['--a', 'x', '--b', '1/0', '--alpha', '2']);
    expect(problems.map((p) => p.path)).toEqual(['--a', '--b', '--alpha']);
  });

  it('exits 2 with one line per problem through the dispatcher', async () => {
    const io = collect();
    expect(await main(['abtest', '--a', '40/0'], io)).toBe(2);
    expect(io.err).toBe(
      'error: --a: needs at least 1 send; must be REPLIES/SENDS such as 40/1000\n' +
        'error: --b: is required; must be REPLIES/SENDS such as 40/1000\n',
    );
  });
});
