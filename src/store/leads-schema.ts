import { z } from 'zod';
import type { Lead } from '../engines/lead.js';
import { FRAMEWORK_IDS } from '../engines/types.js';

const text = z.string().min(1);
const at = z.iso.datetime();
const verdict = z.enum(['qualified', 'nurture', 'disqualified']);

/** A lead as stored under its own key: everything but the two histories, which are lists of their own. */
export const leadCoreSchema = z.object({
  id: text,
  company: text,
  domain: text.exactOptional(),
  contact: z
    .object({
      name: text.exactOptional(),
      firstName: text.exactOptional(),
      email: text.exactOptional(),
      title: text.exactOptional(),
    })
    .exactOptional(),
  ownerId: text,
  source: text.exactOptional(),
  amount: z.number().min(0).exactOptional(),
  theirPain: text.exactOptional(),
  framework: z.enum(FRAMEWORK_IDS),
  answers: z.record(z.string(), z.object({ level: text, evidence: z.string().exactOptional() })),
  stage: text,
  createdAt: at,
  updatedAt: at,
  disqualified: z.object({ reason: text, at, by: text }).exactOptional(),
  replied: z.object({ at, stepKey: z.string().exactOptional() }).exactOptional(),
});
export type LeadCore = Omit<Lead, 'scoreHistory' | 'stageHistory'>;

/** One entry of a lead's score history. */
export const scoreEntrySchema = z.object({
  at,
  score: z.number(),
  maxScore: z.number(),
  verdict,
});
export type ScoreEntry = Lead['scoreHistory'][number];

/** One entry of a lead's stage history. */
export const stageEntrySchema = z.object({
  stage: text,
  enteredAt: at,
  by: text,
  exitCriteriaMet: z.boolean(),
  unmet: z.array(z.string()),
});
export type StageEntry = Lead['stageHistory'][number];
