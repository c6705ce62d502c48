import type { AuditReport } from '../engines/crm/index.js';

/** One heading of the hygiene audit as people read it, and the rules whose findings it gathers. */
export interface AuditGroupDef {
  label: string;
  /** What the count means, for someone who did not write the rules. */
  meaning: string;
  rules: readonly string[];
}

/** The audit's headings in the order they are shown; rules no heading names get one of their own. */
export const AUDIT_GROUPS: readonly AuditGroupDef[] = [
  {
    label: 'Duplicates',
    meaning: 'records sharing an e-mail, domain or company name',
    rules: ['duplicate-email', 'duplicate-domain', 'duplicate-company'],
  },
  {
    label: 'Missing required fields',
    meaning: 'deals without an owner, amount or account, or closed without a close date',
    rules: ['required-fields'],
  },
  {
    label: 'Bad formats',
    meaning: 'e-mail addresses, phone numbers (E.164) or web addresses that are not valid',
    rules: ['email-format', 'phone-format', 'url-format'],
  },
  { label: 'Stale deals', meaning: 'open deals with no stage change for too long', rules: ['stale-deal'] },
  {
    label: 'Close dates in the past',
    meaning: 'open deals whose expected close date has passed',
    rules: ['past-close-date'],
  },
  {
    label: 'Stage problems',
    meaning: 'stages outside the pipeline, or probabilities that disagree with the stage',
    rules: ['unknown-stage', 'stage-probability'],
  },
];

/** One heading's findings: how many, and up to three `record: detail` examples. */
export interface AuditGroup {
  label: string;
  meaning: string;
  count: number;
  examples: string[];
}

export const EXAMPLES_PER_GROUP = 3;

/** Gathers an audit report under the headings people read: counts per heading and up to three examples each. */
export function auditGroups(report: AuditReport): AuditGroup[] {
  const named = new Set(AUDIT_GROUPS.flatMap((g) => g.rules));
  const others: AuditGroupDef[] = Object.keys(report.counts)
    .filter((rule) => !named.has(rule))
    .map((rule) => ({ label: rule, meaning: 'findings of this rule', rules: [rule] }));
  return [...AUDIT_GROUPS, ...others].map((group) => ({
    label: group.label,
    meaning: group.meaning,
    count: group.rules.reduce((sum, rule) => sum + (report.counts[rule] ?? 0), 0),
    examples: group.rules.flatMap((rule) => report.examples[rule] ?? []).slice(0, EXAMPLES_PER_GROUP),
  }));
}
