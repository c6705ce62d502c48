import type { LeadScore } from './lead-score.js';

const signed = (n: number) => (n < 0 ? `${n}` : `+${n}`);
const STAGE_NAMES = { lead: 'Lead', mql: 'MQL', sql: 'SQL' } as const;

export interface LeadScoreText {
  /** `B2 · MQL, total 110 (fit 73 + engagement 37)` */
  title: string;
  fit: string;
  engagement: string;
  /** Why this grade and stage. */
  why: string;
}

/** The lead score in four short lines of plain text, every point with its reason. */
export function leadScoreText(score: LeadScore): LeadScoreText {
  const fit = score.fit.breakdown.map((l) => `${l.label} ${signed(l.points)} (${l.detail})`);
  const engagement = score.engagement.breakdown.map(
    (l) => `${l.label} ${l.at.slice(0, 10)} ${signed(l.points)} (${l.detail})`,
  );
  return {
    title: `${score.grade} · ${STAGE_NAMES[score.stage]}, total ${score.total} (fit ${score.fit.points} + engagement ${score.engagement.points})`,
    fit: `Fit ${score.fit.points}: ${fit.join('; ') || 'nothing known'}`,
    engagement: `Engagement ${score.engagement.points}: ${engagement.join('; ') || 'no recorded engagement'}`,
    why: `${score.gradeReason}. ${score.stageReason}.`,
  };
}
