import { InputError, type Problem } from '../../errors.js';
import { isoDate } from './iso-date.js';
import {
  DEFAULT_LEAD_SCORING_MODEL,
  type GradeLetter,
  type LeadFitFacts,
  type LeadScoringModel,
  type LeadStage,
} from './lead-score-model.js';

export interface EngagementEvent {
  type: string;
  /** ISO 8601. */
  at: string;
}

export interface ScoreLeadInput {
  fit: LeadFitFacts;
  events: readonly EngagementEvent[];
  /** ISO 8601; engagement decays by the age of each event at this moment. */
  now: string;
  model?: LeadScoringModel | undefined;
  /** Overrides the model's half-life, in days. */
  halfLifeDays?: number | undefined;
}

export interface FitLine {
  id: string;
  label: string;
  points: number;
  detail: string;
}

export interface EngagementLine {
  type: string;
  label: string;
  at: string;
  basePoints: number;
  ageDays: number;
  factor: number;
  points: number;
  detail: string;
}

export interface LeadScore {
  fit: { points: number; breakdown: FitLine[] };
  engagement: { points: number; breakdown: EngagementLine[] };
  total: number;
  stage: LeadStage;
  stageReason: string;
  grade: `${GradeLetter}${1 | 2 | 3}`;
  gradeReason: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const DAY_MS = 86_400_000;

function emailDomain(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const at = email.lastIndexOf('@');
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (at < 1 || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new InputError([{ path: 'fit.email', message: 'must be an e-mail address such as ana@acme.com' }]);
  }
  return domain;
}

function scoreFit(facts: LeadFitFacts, model: LeadScoringModel): LeadScore['fit'] {
  if (facts.icpFit !== undefined && !(facts.icpFit >= 0 && facts.icpFit <= 100)) {
    throw new InputError([{ path: 'fit.icpFit', message: 'must be a score from 0 to 100' }]);
  }
  const view = { ...facts, domain: emailDomain(facts.email) };
  const breakdown = model.fit.flatMap((rule) => {
    const result = rule.score(view);
    return result ? [{ id: rule.id, label: rule.label, points: result.points, detail: result.detail }] : [];
  });
  return { points: round2(breakdown.reduce((s, l) => s + l.points, 0)), breakdown };
}

function scoreEngagement(
  input: ScoreLeadInput,
  model: LeadScoringModel,
  halfLife: number,
): LeadScore['engagement'] {
  const now = isoDate(input.now, 'now');
  const problems: Problem[] = [];
  const breakdown = input.events.flatMap((event, i): EngagementLine[] => {
    const at = isoDate(event.at, `events[${i}].at`);
    const rule = model.engagement.find((r) => r.type === event.type);
    const ageDays = (now.toMillis() - at.toMillis()) / DAY_MS;
    const base = { type: event.type, at: event.at, ageDays: round2(ageDays) };
    if (!rule) {
      problems.push({
        path: `events[${i}].type`,
        message: `"${event.type}" has no scoring rule; use one of ${model.engagement.map((r) => r.type).join(', ')}`,
      });
      return [];
    }
    if (ageDays < 0) {
      return [
        {
          ...base,
          label: rule.label,
          basePoints: rule.points,
          factor: 0,
          points: 0,
          detail: 'after now; not counted',
        },
      ];
    }
    const factor = rule.decays ? 0.5 ** (ageDays / halfLife) : 1;
    const points = round2(rule.points * factor);
    const detail = rule.decays
      ? `${rule.points} × 0.5^(${round2(ageDays)}/${halfLife} days) = ${points}`
      : `${rule.points}, does not decay`;
    return [{ ...base, label: rule.label, basePoints: rule.points, factor: round2(factor), points, detail }];
  });
  if (problems.length > 0) throw new InputError(problems);
  return { points: round2(breakdown.reduce((s, l) => s + l.points, 0)), breakdown };
}

function gradeOf(model: LeadScoringModel, fit: number, engagement: number) {
  const byFit = model.letters.find((l) => fit >= l.minFit);
  const byEngagement = model.digits.find((d) => engagement >= d.minEngagement);
  const lowestLetter = model.letters.at(-1)?.minFit ?? 0;
  const lowestDigit = model.digits.at(-1)?.minEngagement ?? 0;
  const letterWhy = byFit ? `fit ${fit} ≥ ${byFit.minFit}` : `fit ${fit} < ${lowestLetter}`;
  const digitWhy = byEngagement
    ? `engagement ${engagement} ≥ ${byEngagement.minEngagement}`
    : `engagement ${engagement} < ${lowestDigit}`;
  const letter: GradeLetter = byFit?.letter ?? 'D';
  const digit: 1 | 2 | 3 = byEngagement?.digit ?? 3;
  return { letter, digit, gradeReason: `${letter} from ${letterWhy}; ${digit} from ${digitWhy}` };
}

/** Scores a lead: fit and decaying engagement kept apart, their total, the stage it reaches and its grade. */
export function scoreLead(input: ScoreLeadInput): LeadScore {
  const model = input.model ?? DEFAULT_LEAD_SCORING_MODEL;
  const halfLife = input.halfLifeDays ?? model.halfLifeDays;
  if (!(halfLife > 0)) throw new InputError([{ path: 'halfLifeDays', message: 'must be more than 0 days' }]);
  const fit = scoreFit(input.fit, model);
  const engagement = scoreEngagement(input, model, halfLife);
  const total = round2(fit.points + engagement.points);
  const { letter, digit, gradeReason } = gradeOf(model, fit.points, engagement.points);
  // Letters compare alphabetically: 'A' < 'B' means better.
  const reached = model.stages.find((s) => total >= s.minTotal && letter <= s.minGrade);
  const needs = model.stages.map((s) => `${s.stage.toUpperCase()} needs ${s.describe}`).join('; ');
  const stageReason = reached
    ? `${reached.stage.toUpperCase()}: ${reached.describe} (total ${total}, grade ${letter})`
    : `Lead: total ${total} with grade ${letter} reaches no stage (${needs})`;
  return {
    fit,
    engagement,
    total,
    stage: reached?.stage ?? 'lead',
    stageReason,
    grade: `${letter}${digit}`,
    gradeReason,
  };
}
