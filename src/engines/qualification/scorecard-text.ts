import type { Scorecard, ScoredCriterion } from './scorecard.js';

function status(c: ScoredCriterion): string {
  if (c.redFlag) return 'red flag';
  return c.met ? 'met' : `below (needs ${c.bar})`;
}

function section(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : ['', `${title}:`, ...items.map((i) => `  - ${i}`)];
}

/** The scorecard as plain text: each criterion with its evidence, the verdict and what to do next. */
export function renderScorecardText(card: Scorecard, lead?: string): string {
  const nameWidth = Math.max(...card.criteria.map((c) => c.name.length));
  const levelWidth = Math.max(...card.criteria.map((c) => c.levelLabel.length));
  const title = `${card.frameworkName} scorecard${lead ? ` for ${lead}` : ''} (v${card.version})`;
  const rows = card.criteria.flatMap((c) => {
    const points = `${c.points}/${c.maxPoints}`.padStart(5);
    const row = `  ${c.name.padEnd(nameWidth)}  ${c.levelLabel.padEnd(levelWidth)}  ${points}  ${status(c)}`;
    return c.evidence === undefined ? [row] : [row, `  ${' '.repeat(nameWidth)}  evidence: ${c.evidence}`];
  });
  const lines = [
    title,
    '─'.repeat(Math.max(title.length, 40)),
    ...rows,
    '',
    `Score: ${card.score}/${card.maxScore} (qualifies at ${card.minScore}/${card.maxScore})`,
    `Verdict: ${card.verdict.toUpperCase()}`,
    card.summary,
    ...section(
      'Disqualification reasons',
      card.disqualifications.map((d) => d.reason),
    ),
    ...section('Missing evidence', card.missingEvidence),
    ...section('Next questions', card.nextQuestions),
  ];
  return `${lines.join('\n')}\n`;
}
