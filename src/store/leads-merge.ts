import type { Lead } from '../engines/lead.js';
import type { FrameworkId } from '../engines/types.js';
import type { LeadCore, StageEntry } from './leads-schema.js';

/** A qualification to record: who the lead is, the answers, the score they gave, and who scored it when. */
export interface QualificationInput {
  /** The stored lead to update (from its scorecard's Update button); its company name then changes too. */
  leadId?: string | undefined;
  company: string;
  domain?: string | undefined;
  contact?: string | undefined;
  amount?: number | undefined;
  source?: string | undefined;
  /** The buyer's pain in their own words (customer-facing); kept when not given again. */
  theirPain?: string | undefined;
  framework: FrameworkId;
  answers: Lead['answers'];
  score: Lead['scoreHistory'][number]['score'];
  maxScore: number;
  verdict: Lead['scoreHistory'][number]['verdict'];
  by: string;
  at: Date;
  /** The stage a new lead starts in; an existing lead keeps its stage. */
  firstStage: string;
}

/**
 * The lead after a qualification: a new lead is owned by whoever scored it; an existing one keeps its owner,
 * name, stage and history, takes the new answers and any detail the rep gave, and drops an old disqualification.
 */
export function mergeQualification(
  id: string,
  existing: LeadCore | undefined,
  input: QualificationInput,
): LeadCore {
  const at = input.at.toISOString();
  const contactName = input.contact ?? existing?.contact?.name;
  const domain = input.domain ?? existing?.domain;
  const amount = input.amount ?? existing?.amount;
  const source = input.source ?? existing?.source;
  const theirPain = input.theirPain ?? existing?.theirPain;
  const { disqualified: _dropped, ...kept } = existing ?? {
    id,
    company: input.company,
    ownerId: input.by,
    stage: input.firstStage,
    createdAt: at,
  };
  return {
    ...kept,
    id,
    ...(input.leadId === undefined ? {} : { company: input.company }),
    framework: input.framework,
    answers: input.answers,
    updatedAt: at,
    ...(domain === undefined ? {} : { domain }),
    ...(contactName === undefined ? {} : { contact: { ...existing?.contact, name: contactName } }),
    ...(amount === undefined ? {} : { amount }),
    ...(source === undefined ? {} : { source }),
    ...(theirPain === undefined ? {} : { theirPain }),
  };
}

/** The stage history entry of a lead that was just created. */
export function firstStageEntry(input: Pick<QualificationInput, 'firstStage' | 'at' | 'by'>): StageEntry {
  return {
    stage: input.firstStage,
    enteredAt: input.at.toISOString(),
    by: input.by,
    exitCriteriaMet: true,
    unmet: [],
  };
}
