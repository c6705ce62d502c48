import { parseArgs } from 'node:util';
import {
  type AbVerdict,
  type Arm,
  abVerdict,
  formatCount as count,
  formatChance,
  formatRate as pct,
  planAbTest,
  formatP as pValue,
} from '../engines/optimizer/index.js';
import { InputError, type Problem } from '../errors.js';
import { type CliCommand, EXIT_OK } from './io.js';

const USAGE = `Usage: sales-ops abtest --a REPLIES/SENDS --b REPLIES/SENDS [--alpha 0.05] [--power 0.8] [--lift 0.01] [--baseline 0.1]

Reads an A/B test of two follow-up templates: z-test, chi-square, the sample each variant needs,
the probability that B beats A, and whether a winner can be called yet.

  --a, --b   replies and sends of each variant, such as 40/1000
  --alpha    significance level, between 0 and 1 (default 0.05)
  --power    chance of detecting the planned lift, between 0 and 1 (default 0.8)
  --lift     smallest absolute change in reply rate worth detecting, such as 0.01 for one point
             (default: half the baseline, at least one point)
  --baseline control A's reply rate when the test started, such as 0.1 for 10%; the sample plan is
             sized from it and stays fixed (default: A's reply rate so far, which moves as sends come in)
`;

const ARM = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const ARM_HINT = 'must be REPLIES/SENDS such as 40/1000';

function parseArm(value: string | undefined, path: string, problems: Problem[]): Arm | undefined {
  if (value === undefined) {
    problems.push({ path, message: `is required; ${ARM_HINT}` });
    return undefined;
  }
  const match = ARM.exec(value);
  if (!match) {
    problems.push({ path, message: ARM_HINT });
    return undefined;
  }
  const replies = Number(match[1]);
  const sends = Number(match[2]);
  if (sends === 0) {
    problems.push({ path, message: `needs at least 1 send; ${ARM_HINT}` });
  } else if (replies > sends) {
    problems.push({ path, message: `has more replies (${replies}) than sends (${sends}); ${ARM_HINT}` });
  } else {
    return { sends, replies };
  }
  return undefined;
}

function parseShare(value: string | undefined, path: string, problems: Problem[]): number | undefined {
  if (value === undefined) return undefined;
  const share = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(share) || share <= 0 || share >= 1) {
    problems.push({ path, message: 'must be a number between 0 and 1 (exclusive), such as 0.05' });
    return undefined;
  }
  return share;
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        a: { type: 'string' },
        b: { type: 'string' },
        alpha: { type: 'string' },
        power: { type: 'string' },
        lift: { type: 'string' },
        baseline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs reports unknown flags and stray words as TypeErrors; they are the person's mistake.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    throw new InputError([
      { path: '', message: `${message.replace(/\.$/, '')} (see sales-ops abtest --help)` },
    ]);
  }
}

const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;

/** The result as a block of aligned lines. */
export function formatAbVerdict(a: Arm, b: Arm, result: AbVerdict): string {
  const relative = result.lift.relative === undefined ? '' : ` (${signed(result.lift.relative * 100, 1)}%)`;
  const rows: [string, string][] = [
    ['A', `${count(a.replies)} / ${count(a.sends)} replied (${pct(result.rates.a)})`],
    ['B', `${count(b.replies)} / ${count(b.sends)} replied (${pct(result.rates.b)})`],
    ['Lift', `${signed(result.lift.absolute * 100, 1)} points${relative}`],
    ['z-test', `z = ${result.z.toFixed(3)}, ${pValue(result.p)}`],
    [
      'Chi-square',
      `${result.chiSquare.statistic.toFixed(3)} (df ${result.chiSquare.df}), ${pValue(result.chiSquare.p)}`,
    ],
    ['Baseline', `${pct(result.plan.baseline)} (${result.plan.basis})`],
    [
      'Needed',
      `${count(result.neededPerArm)} sends per variant for a ${(result.plannedLift * 100).toFixed(1)}-point lift`,
    ],
    ['P(B > A)', formatChance(result.pBBeatsA)],
    ['Verdict', result.verdict],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return `A/B test\n${lines.join('\n')}\n\n${result.reason}\n`;
}

/** `sales-ops abtest`: prints the statistics and verdict of an A/B test given as replies/sends per variant. */
export const run: CliCommand = async (args, io) => {
  const flags = parseFlags(args);
  if (flags.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const problems: Problem[] = [];
  const a = parseArm(flags.a, '--a', problems);
  const b = parseArm(flags.b, '--b', problems);
  const alpha = parseShare(flags.alpha, '--alpha', problems);
  const power = parseShare(flags.power, '--power', problems);
  const lift = parseShare(flags.lift, '--lift', problems);
  const baseline = parseShare(flags.baseline, '--baseline', problems);
  if (problems.length > 0 || a === undefined || b === undefined) throw new InputError(problems);
  try {
    const settings = {
      ...(alpha === undefined ? {} : { alpha }),
      ...(power === undefined ? {} : { power }),
      ...(lift === undefined ? {} : { lift }),
    };
    const plan =
      baseline === undefined
        ? undefined
        : planAbTest({ ...settings, baseline, basis: 'A before the test, from --baseline' });
    const result = abVerdict({ a, b, ...settings, ...(plan === undefined ? {} : { plan }) });
    io.stdout(formatAbVerdict(a, b, result));
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The engine names its own fields (`lift`); point the person at the flag instead.
    throw new InputError(error.problems.map((p) => ({ ...p, path: `--${p.path.split('.')[0] ?? ''}` })));
  }
};
