import { z } from 'zod';
import { SECTION_IDS } from '../engines/icp/sections.js';

const range = z.object({ min: z.number(), max: z.number() });
// Lua's cjson writes an empty array as {}; both read as an empty list.
const list = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [] : v),
  z.array(z.string()),
);

export const metaSchema = z.object({
  business: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** The version being edited; finalizing version N starts N+1. */
  version: z.number().int().min(1),
  finalized: z.object({ version: z.number().int(), by: z.string(), at: z.string() }).optional(),
});
export type IcpMeta = z.output<typeof metaSchema>;

export const sectionSchema = z.object({
  items: list.optional(),
  range: range.optional(),
  /** Who changed this section in the version being edited, first contribution first. */
  contributors: list,
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type SectionRecord = z.output<typeof sectionSchema>;

export const valuesSchema = z.object({
  industries: list,
  companySize: range.optional(),
  annualRevenue: range.optional(),
  geography: list,
  painPoints: list,
  buyingTriggers: list,
  disqualifiers: list,
  personas: list,
});

export const historySchema = z.object({
  version: z.number().int(),
  business: z.string(),
  values: valuesSchema,
  contributors: list,
  finalizedBy: z.string(),
  finalizedAt: z.string(),
});
/** One finalized version of a team's ICP. */
export type IcpVersion = z.output<typeof historySchema>;

export const suggestionSchema = z.object({
  id: z.string(),
  section: z.enum(SECTION_IDS),
  add: list.optional(),
  range: range.optional(),
  by: z.string(),
  at: z.string(),
});
/** A change someone proposed, listed on the card until an editor accepts or dismisses it. */
export type Suggestion = z.output<typeof suggestionSchema>;

export const cardSchema = z.object({
  channel: z.string(),
  ts: z.string(),
  /** The thread reply holding what did not fit on the card, when there is one. */
  overflowTs: z.string().optional(),
});
export type CardRef = z.output<typeof cardSchema>;
