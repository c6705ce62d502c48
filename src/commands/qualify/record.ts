import { renderScorecard } from '../../blocks/scorecard.js';
import type { Lead } from '../../engines/lead.js';
import { type Answer, qualify, type Scorecard } from '../../engines/qualification/index.js';
import type { FrameworkId, SalesModel } from '../../engines/types.js';
import type { Store } from '../../store/index.js';
import type { ReplyMessage } from '../types.js';
import { pipelineFor } from './context.js';

/** A lead as a rep describes it in the command text or the modal. */
export interface LeadDetails {
  /** The stored lead being updated, when the rep pressed its scorecard's Update answers. */
  leadId?: string | undefined;
  company: string;
  framework: FrameworkId;
  answers: Record<string, Answer>;
  domain?: string | undefined;
  contact?: string | undefined;
  amount?: number | undefined;
  source?: string | undefined;
  /** The buyer's pain in their own words, the only pain a follow-up may quote. */
  theirPain?: string | undefined;
}

/** Answers as a lead stores them: no empty evidence. */
function storedAnswers(answers: Record<string, Answer>): Lead['answers'] {
  return Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      id,
      a.evidence ? { level: a.level, evidence: a.evidence } : { level: a.level },
    ]),
  );
}

/**
 * Scores the answers, then creates or updates the lead with the new score in its history. With the team's
 * lead stale limit (`leadStaleDays`, from its profile), a stored lead untouched for longer than the limit
 * since its last recorded activity is disqualified as stale.
 */
export async function recordQualification(
  deps: { store: Store; now: () => Date },
  request: { teamId: string; userId: string; model: SalesModel; leadStaleDays?: number | undefined },
  details: LeadDetails,
): Promise<{ lead: Lead; scorecard: Scorecard }> {
  const at = deps.now();
  const [first] = pipelineFor(request.model, details.framework);
  const { leadStaleDays } = request;
  // One store call reads the stored lead once, for the stale check and the update.
  const { lead, scored: scorecard } = await deps.store.leads.qualifyScored(
    request.teamId,
    {
      ...details,
      answers: storedAnswers(details.answers),
      by: request.userId,
      at,
      firstStage: first?.name ?? 'Lead',
    },
    (stored) =>
      qualify({
        framework: details.framework,
        answers: details.answers,
        now: at.toISOString(),
        ...(stored === undefined || leadStaleDays === undefined
          ? {}
          : { facts: { lastActivityAt: stored.updatedAt }, staleAfterDays: leadStaleDays }),
      }),
  );
  return { lead, scorecard };
}

/** The scorecard of a stored lead, recomputed from its answers: the same answers always give the same score. */
export function scorecardOf(lead: Lead): Scorecard {
  return qualify({ framework: lead.framework, answers: lead.answers });
}

/** The scorecard message for a lead: the rep's private card with buttons, or the read-only card for a channel. */
export function scorecardMessage(
  lead: Lead,
  scorecard: Scorecard,
  model: SalesModel,
  options: { mode: 'rep' | 'shared'; shareable?: boolean; sharedBy?: string },
): ReplyMessage {
  return renderScorecard({
    scorecard,
    lead: {
      id: lead.id,
      company: lead.company,
      stage: lead.stage,
      ownerId: lead.ownerId,
      contact: lead.contact?.name,
      domain: lead.domain,
      amount: lead.amount,
      disqualified: lead.disqualified,
    },
    stages: pipelineFor(model, lead.framework).map((s) => s.name),
    ...options,
  });
}
