import { InputError } from '../../errors.js';
import type { FrameworkId } from '../types.js';
import { type Answer, resolveAnswers } from './answers.js';
import {
  type Disqualification,
  type DisqualificationFacts,
  findDisqualifications,
  type RedFlag,
} from './disqualification.js';
import { barFor, type Framework, startingLevel, topPoints } from './framework.js';
import { frameworkProblems } from './framework-check.js';
import { getFramework } from './frameworks/index.js';
import { explainVerdict, missingEvidence, nextQuestions } from './verdict-text.js';

export type Verdict = 'qualified' | 'nurture' | 'disqualified';

export interface ScoredCriterion {
  id: string;
  name: string;
  level: string;
  levelLabel: string;
  points: number;
  maxPoints: number;
  /** Points needed for the criterion to count as met. */
  bar: number;
  evidence?: string;
  met: boolean;
  /** The level is a red flag that fires a disqualification trigger. */
  redFlag: boolean;
  /** True when the rep gave an answer; false when the criterion sits at its starting level. */
  answered: boolean;
}

export interface Scorecard {
  framework: FrameworkId;
  frameworkName: string;
  version: string;
  criteria: ScoredCriterion[];
  score: number;
  maxScore: number;
  minScore: number;
  verdict: Verdict;
  summary: string;
  missingEvidence: string[];
  nextQuestions: string[];
  disqualifications: Disqualification[];
}

export interface QualifyInput {
  /** A built-in framework id, or a workspace's own rubric. */
  framework: FrameworkId | Framework;
  answers: Readonly<Record<string, Answer>>;
  facts?: DisqualificationFacts | undefined;
  /** ISO 8601; needed only to judge staleness from `facts.lastActivityAt`. */
  now?: string | undefined;
  staleAfterDays?: number | undefined;
}

function scoreCriteria(
  framework: Framework,
  input: QualifyInput,
): { scored: ScoredCriterion[]; redFlags: RedFlag[] } {
  const answers = resolveAnswers(framework, input.answers);
  const redFlags: RedFlag[] = [];
  const scored = framework.criteria.map((criterion) => {
    const answer = answers.get(criterion.id);
    const level = answer?.level ?? startingLevel(criterion);
    const bar = barFor(framework, criterion);
    if (level.disqualifies !== undefined) {
      redFlags.push({ trigger: level.disqualifies, source: `${criterion.name}: ${level.label}` });
    }
    return {
      id: criterion.id,
      name: criterion.name,
      level: level.id,
      levelLabel: level.label,
      points: level.points,
      maxPoints: topPoints(criterion),
      bar,
      ...(answer?.evidence === undefined ? {} : { evidence: answer.evidence }),
      met: level.disqualifies === undefined && level.points >= bar,
      redFlag: level.disqualifies !== undefined,
      answered: answer !== undefined,
    };
  });
  return { scored, redFlags };
}

/** Scores answers against a framework and gives the verdict, the missing evidence and the next questions. */
export function qualify(input: QualifyInput): Scorecard {
  const framework = typeof input.framework === 'string' ? getFramework(input.framework) : input.framework;
  if (typeof input.framework !== 'string') {
    const problems = frameworkProblems(framework);
    if (problems.length > 0)
      throw new InputError(problems.map((p) => ({ ...p, path: `framework.${p.path}` })));
  }
  const { scored, redFlags } = scoreCriteria(framework, input);
  const disqualifications = findDisqualifications(input.facts ?? {}, {
    now: input.now,
    staleAfterDays: input.staleAfterDays,
    redFlags,
  });
  const score = scored.reduce((sum, c) => sum + c.points, 0);
  const rule = framework.rule;
  const requiredMet = rule.required.every(
    (r) => (scored.find((c) => c.id === r.criterion)?.points ?? 0) >= r.minPoints,
  );
  const verdict: Verdict =
    disqualifications.length > 0
      ? 'disqualified'
      : score >= rule.minScore && requiredMet
        ? 'qualified'
        : 'nurture';
  return {
    framework: framework.id,
    frameworkName: framework.name,
    version: framework.version,
    criteria: scored,
    score,
    maxScore: rule.maxScore,
    minScore: rule.minScore,
    verdict,
    summary: explainVerdict(framework, scored, verdict, score, disqualifications),
    missingEvidence: missingEvidence(framework, scored),
    nextQuestions: nextQuestions(framework, scored),
    disqualifications,
  };
}
