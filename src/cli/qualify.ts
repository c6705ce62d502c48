import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import {
  type Answer,
  closest,
  type DisqualificationFacts,
  FRAMEWORKS,
  type Framework,
  findCriterion,
  findLevel,
  frameworkGuide,
  getFramework,
  levelChoices,
  parseQualifyRequest,
  type QualifyRequest,
  qualify,
  renderScorecardText,
  resolveAnswers,
} from '../engines/qualification/index.js';
import { FRAMEWORK_IDS } from '../engines/types.js';
import { InputError, type Problem } from '../errors.js';
import { type CliCommand, EXIT_OK } from './io.js';
import {
  LEAD_SCORE_OPTIONS,
  LEAD_SCORE_USAGE,
  leadScoreFromFlags,
  renderLeadScoreText,
} from './qualify-lead-score.js';

const flagOf = (criterionId: string) => criterionId.replace(/_/g, '-');

/** Boolean flags that state disqualification facts, and the fact each one sets. */
const FACT_FLAGS = {
  competitor: 'competitor',
  student: 'student',
  'do-not-contact': 'doNotContact',
  bounced: 'bounced',
  duplicate: 'duplicate',
  'existing-customer': 'existingCustomer',
  'outside-icp': 'outsideIcp',
} as const satisfies Record<string, keyof DisqualificationFacts>;

const CRITERION_FLAGS = [...new Set(FRAMEWORKS.flatMap((f) => f.criteria.map((c) => flagOf(c.id))))];

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
const OPTIONS: Options = {
  framework: { type: 'string' },
  answers: { type: 'string' },
  lead: { type: 'string' },
  now: { type: 'string' },
  'last-activity': { type: 'string' },
  'stale-after': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...LEAD_SCORE_OPTIONS,
  ...Object.fromEntries(Object.keys(FACT_FLAGS).map((f) => [f, { type: 'boolean' }])),
  ...Object.fromEntries(
    CRITERION_FLAGS.flatMap((f) => [
      [f, { type: 'string' }],
      [`evidence-${f}`, { type: 'string' }],
    ]),
  ),
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
const text = (values: Values, name: string) => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

function parseFlags(args: string[]): Values {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const hint = closest(quoted.replace(/^-+/, ''), Object.keys(OPTIONS));
      const fix = hint ? `did you mean --${hint}?` : 'run sales-ops qualify --help for the flags';
      throw new InputError([{ path: quoted, message: `unknown flag; ${fix}` }]);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const takesValue = OPTIONS[quoted.replace(/^-+/, '')]?.type === 'string';
      const fix = takesValue
        ? `needs a value, e.g. ${quoted} VALUE (quote values with spaces)`
        : 'takes no value';
      throw new InputError([{ path: quoted, message: fix }]);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new InputError([
        {
          path: quoted,
          message: 'unexpected argument; put values after their flag and quote values with spaces',
        },
      ]);
    }
    throw error;
  }
}

async function readRequest(
  file: string,
  cwd: string,
  frameworkFlag: string | undefined,
): Promise<QualifyRequest> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason =
      (error as { code?: unknown }).code === 'ENOENT' ? 'no such file' : String(error).split('\n')[0];
    throw new InputError([{ path: '--answers', message: `cannot read ${file}: ${reason}` }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError([{ path: file, message: 'must be a mapping with framework and answers' }]);
  }
  const given = (raw as { framework?: unknown }).framework;
  if (
    frameworkFlag !== undefined &&
    given !== undefined &&
    String(given).toLowerCase() !== frameworkFlag.toLowerCase()
  ) {
    throw new InputError([
      {
        path: '--framework',
        message: `${frameworkFlag} differs from "${String(given)}" in ${file}; keep one`,
      },
    ]);
  }
  return inFile(file, () =>
    parseQualifyRequest(given === undefined && frameworkFlag ? { ...raw, framework: frameworkFlag } : raw),
  );
}

/** Runs a step whose problems concern the answers file, naming the file in each path. */
function inFile<T>(file: string | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof InputError) || file === undefined) throw error;
    throw new InputError(error.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })));
  }
}

function answersFromFlags(
  framework: Framework,
  values: Values,
  base: Record<string, Answer>,
): Record<string, Answer> {
  const answers = { ...base };
  const problems: Problem[] = [];
  const takes = framework.criteria.map((c) => `--${flagOf(c.id)}`).join(', ');
  for (const flag of CRITERION_FLAGS) {
    const level = text(values, flag);
    const evidence = text(values, `evidence-${flag}`);
    if (level === undefined && evidence === undefined) continue;
    const criterion = findCriterion(framework, flag);
    const path = level === undefined ? `--evidence-${flag}` : `--${flag}`;
    if (!criterion) {
      problems.push({ path, message: `not a ${framework.name} criterion; ${framework.name} takes ${takes}` });
    } else if (level !== undefined && !findLevel(criterion, level)) {
      problems.push({
        path,
        message: `"${level}" is not a ${criterion.name} level; use one of ${levelChoices(criterion)}`,
      });
    } else {
      const previous = answers[criterion.id];
      const chosen = level ?? previous?.level;
      if (chosen === undefined) {
        problems.push({
          path,
          message: `give the level too, e.g. --${flag} ${criterion.levels.at(-1)?.id ?? 'LEVEL'}`,
        });
      } else {
        const note = evidence ?? (level === undefined ? previous?.evidence : undefined);
        answers[criterion.id] = note === undefined ? { level: chosen } : { level: chosen, evidence: note };
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return answers;
}

function checkedDate(values: Values, flag: string): string | undefined {
  const value = text(values, flag);
  if (value !== undefined && !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    throw new InputError([
      { path: `--${flag}`, message: 'must be an ISO 8601 date such as 2025-03-01 or 2025-03-01T09:00Z' },
    ]);
  }
  return value;
}

function staleAfter(values: Values): number | undefined {
  const value = text(values, 'stale-after');
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new InputError([
      { path: '--stale-after', message: 'must be a whole number of days, 1 or more, e.g. 14' },
    ]);
  }
  return Number(value);
}

/** Usage with every framework's criterion flags and their levels. */
export function usage(): string {
  return [
    'Usage:',
    '  sales-ops qualify --framework ID --CRITERION LEVEL [--evidence-CRITERION TEXT] ...',
    '  sales-ops qualify --answers FILE [--CRITERION LEVEL ...]',
    '',
    'Prints a qualification scorecard: points per criterion, verdict, missing evidence and next questions.',
    '',
    'Options:',
    `  --framework ID           one of ${FRAMEWORK_IDS.join(', ')}`,
    '  --answers FILE           YAML or JSON: { framework, lead?, answers: { budget: { level, evidence } }, facts?, now? }',
    '  --evidence-CRITERION T   what backs the level up, e.g. --evidence-budget "Approved in the Q3 plan"',
    '  --lead NAME              the lead, shown in the title',
    `  ${Object.keys(FACT_FLAGS)
      .map((f) => `--${f}`)
      .join(', ')}`,
    '                           facts that disqualify the lead',
    '  --last-activity DATE     last touch with the lead; stale after --stale-after DAYS (default 14)',
    '  --now ISO                when to judge staleness (default: now)',
    '  -h, --help               this text',
    '',
    ...LEAD_SCORE_USAGE,
    '',
    'Frameworks and their criteria (levels worst to best; a number picks the level with those points):',
    ...frameworkGuide((id) => `--${flagOf(id)}`).map((line) => `  ${line}`),
    '',
  ].join('\n');
}

/** `sales-ops qualify`: scores answers against a framework and prints the scorecard. */
export const run: CliCommand = async (args, io) => {
  const values = parseFlags(args);
  if (values.help === true) {
    io.stdout(usage());
    return EXIT_OK;
  }
  const file = text(values, 'answers');
  const frameworkFlag = text(values, 'framework');
  const request = file === undefined ? undefined : await readRequest(file, io.cwd, frameworkFlag);
  const frameworkId = frameworkFlag ?? request?.framework;
  if (frameworkId === undefined) {
    throw new InputError([
      {
        path: '--framework',
        message: `is required: one of ${FRAMEWORK_IDS.join(', ')} (or use --answers FILE)`,
      },
    ]);
  }
  const framework = getFramework(frameworkId, '--framework');
  const fileAnswers: Record<string, Answer> = {};
  if (request) {
    for (const r of inFile(file, () => resolveAnswers(framework, request.answers)).values()) {
      fileAnswers[r.criterion.id] =
        r.evidence === undefined ? { level: r.level.id } : { level: r.level.id, evidence: r.evidence };
    }
  }
  const answers = answersFromFlags(framework, values, fileAnswers);
  const facts: DisqualificationFacts = { ...request?.facts };
  for (const [flag, fact] of Object.entries(FACT_FLAGS)) if (values[flag] === true) facts[fact] = true;
  const lastActivity = checkedDate(values, 'last-activity');
  if (lastActivity !== undefined) facts.lastActivityAt = lastActivity;
  // The command line is the edge of the system, so it may read the clock when no --now is given.
  const now = checkedDate(values, 'now') ?? request?.now ?? new Date().toISOString();
  const card = inFile(file, () =>
    qualify({
      framework,
      answers,
      facts,
      now,
      staleAfterDays: staleAfter(values) ?? request?.staleAfterDays,
    }),
  );
  io.stdout(renderScorecardText(card, text(values, 'lead') ?? request?.lead));
  const leadScore = leadScoreFromFlags(values, facts, now);
  if (leadScore) io.stdout(renderLeadScoreText(leadScore));
  return EXIT_OK;
};
