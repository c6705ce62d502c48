import { z } from 'zod';
import type { Deal } from '../engines/deal.js';
import type { StageDef } from '../engines/pipeline/index.js';
import { JOURNEY_PHASES } from '../engines/types.js';
import { SOURCES } from '../import/index.js';

const text = z.string().min(1);

/** A stored deal; field for field the `Deal` every importer writes. */
export const dealSchema = z.object({
  id: text,
  stage: text,
  status: z.enum(['open', 'won', 'lost']),
  amount: z.number().exactOptional(),
  account: text.exactOptional(),
  owner: text.exactOptional(),
  product: text.exactOptional(),
  source: text.exactOptional(),
  createdAt: text.exactOptional(),
  closedAt: text.exactOptional(),
  expectedCloseDate: text.exactOptional(),
  forecastCategory: text.exactOptional(),
  ownerQuota: z.number().exactOptional(),
  history: z.array(z.object({ stage: text, enteredAt: text })),
}) satisfies z.ZodType<Deal>;

/** The pipeline stages saved with an import, in order. */
export const stagesSchema = z.array(
  z.object({
    name: text,
    exitCriteria: z.string(),
    exitChecks: z.array(z.string()),
    probability: z.number().min(0).max(100),
    journey: z.enum(JOURNEY_PHASES),
    kind: z.enum(['open', 'won', 'lost']),
  }),
) satisfies z.ZodType<StageDef[]>;

/** What an import did: where the deals came from, how many rows it read, kept and rejected, when and by whom. */
export const importMetaSchema = z.object({
  importId: text,
  source: z.enum(SOURCES),
  fileName: text.exactOptional(),
  rows: z.int().min(0),
  accepted: z.int().min(0),
  rejected: z.int().min(0),
  importedAt: z.iso.datetime(),
  by: text,
});

export type ImportMeta = z.output<typeof importMetaSchema>;
