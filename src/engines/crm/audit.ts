import type { StageDef } from '../pipeline/stages.js';
import type { AuditInput, HygieneIssue } from './audit-types.js';
import { HYGIENE_CHECKS } from './hygiene-rules.js';

export interface AuditReport {
  /** Records looked at: contacts + companies + deals. */
  checked: number;
  issues: HygieneIssue[];
  /** Issues per rule id; every rule is present, 0 when clean. */
  counts: Record<string, number>;
  /** Up to three `id: detail` examples per rule id. */
  examples: Record<string, string[]>;
}

/**
 * Runs every hygiene rule over imported records. Stale means no stage change (or creation) within
 * `staleDays` (default 30) of `now`; with `stages`, unknown stages and probabilities that stray more than
 * `probabilityTolerance` points (default 15) from the stage's are flagged too.
 */
export function auditRecords(
  input: AuditInput,
  options: { now: string; staleDays?: number; stages?: readonly StageDef[]; probabilityTolerance?: number },
): AuditReport {
  const ctx = {
    now: options.now,
    staleDays: options.staleDays ?? 30,
    probabilityTolerance: options.probabilityTolerance ?? 15,
    ...(options.stages === undefined ? {} : { stages: options.stages }),
  };
  const issues: HygieneIssue[] = [];
  const counts: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  for (const rule of HYGIENE_CHECKS) {
    const found = rule.run(input, ctx);
    counts[rule.id] = found.length;
    examples[rule.id] = found.slice(0, 3).map((f) => `${f.recordId}: ${f.detail}`);
    for (const f of found) issues.push({ rule: rule.id, ...f });
  }
  const checked = (input.contacts?.length ?? 0) + (input.companies?.length ?? 0) + input.deals.length;
  return { checked, issues, counts, examples };
}
