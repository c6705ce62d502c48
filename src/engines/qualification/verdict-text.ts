import type { Disqualification } from './disqualification.js';
import type { Criterion, Framework } from './framework.js';
import type { ScoredCriterion, Verdict } from './scorecard.js';
import { listNames, ruleConditions } from './summary.js';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function criterionOf(framework: Framework, id: string): Criterion | undefined {
  return framework.criteria.find((c) => c.id === id);
}

function barLabel(criterion: Criterion, bar: number): string {
  return (
    criterion.levels.find((l) => l.disqualifies === undefined && l.points >= bar)?.label ?? `${bar} points`
  );
}

/** One sentence saying why the verdict is what it is. */
export function explainVerdict(
  framework: Framework,
  scored: readonly ScoredCriterion[],
  verdict: Verdict,
  score: number,
  disqualifications: readonly Disqualification[],
): string {
  const { minScore, maxScore } = framework.rule;
  if (verdict === 'disqualified') {
    return `Disqualified: ${disqualifications.map((d) => lowerFirst(d.reason)).join('; ')}.`;
  }
  if (verdict === 'qualified') {
    const conditions = ruleConditions(framework);
    const withConditions = conditions.length > 0 ? ` with ${conditions.join(' and ')}` : '';
    const open = scored.filter((c) => !c.met).map((c) => c.name);
    const still =
      open.length > 0 ? `; ${listNames(open)} ${open.length === 1 ? 'is' : 'are'} still open` : '';
    return `Qualified: ${score}/${maxScore} meets ${framework.name}'s bar of ${minScore}/${maxScore}${withConditions}${still}.`;
  }
  const short = framework.rule.required.flatMap((r) => {
    const c = scored.find((s) => s.id === r.criterion);
    return c && c.points < r.minPoints
      ? [`${c.name} is at ${c.levelLabel} (${c.points}), below the required ${r.minPoints}`]
      : [];
  });
  if (score < minScore) {
    return `Nurture: ${[`${score}/${maxScore} is below the ${minScore}/${maxScore} bar`, ...short].join(' and ')}.`;
  }
  return `Nurture: ${score}/${maxScore} clears the ${minScore}/${maxScore} bar, but ${short.join(' and ')}.`;
}

/** What each criterion still lacks: a level below its bar, or a level claimed without evidence. */
export function missingEvidence(framework: Framework, scored: readonly ScoredCriterion[]): string[] {
  return scored.flatMap((c) => {
    const criterion = criterionOf(framework, c.id);
    if (!criterion) return [];
    if (!c.met)
      return [`${c.name}: ${c.levelLabel}, needs ${barLabel(criterion, c.bar)} (${criterion.requirement})`];
    if (c.answered && c.evidence === undefined) {
      // A level such as "Confirmed with evidence" already claims evidence: say it is not written down.
      return /evidence/i.test(c.levelLabel)
        ? [`${c.name}: marked "${c.levelLabel}" but the evidence is not written down; note what confirms it`]
        : [`${c.name}: ${c.levelLabel} but no evidence recorded; note what confirms it`];
    }
    return [];
  });
}

/** Two of the rubric's questions for each criterion below its bar, deeper ones once the rep is past the start. */
export function nextQuestions(framework: Framework, scored: readonly ScoredCriterion[]): string[] {
  return scored.flatMap((c) => {
    const criterion = criterionOf(framework, c.id);
    if (c.met || !criterion) return [];
    const ordinary = criterion.levels.filter((l) => l.disqualifies === undefined);
    // Questions run from discovery to confirmation: each level above the start skips one opener.
    const progress = Math.max(
      0,
      ordinary.findIndex((l) => l.id === c.level),
    );
    const from = Math.max(0, Math.min(progress, criterion.questions.length - 2));
    return criterion.questions.slice(from, from + 2).map((q) => `${c.name}: ${q}`);
  });
}
