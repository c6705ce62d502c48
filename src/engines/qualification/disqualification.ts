import type { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import { isoDate } from './iso-date.js';

export const TRIGGER_IDS = [
  'no-budget',
  'no-economic-buyer',
  'no-pain',
  'outside-icp',
  'competitor-or-student',
  'do-not-contact',
  'duplicate-or-customer',
  'stale',
] as const;
export type TriggerId = (typeof TRIGGER_IDS)[number];

/** What is known about a lead beyond the rubric's answers; anything left out is treated as not known. */
export interface DisqualificationFacts {
  noBudget?: boolean | undefined;
  noEconomicBuyerAccess?: boolean | undefined;
  noPain?: boolean | undefined;
  outsideIcp?: boolean | undefined;
  /** An ICP fit from scoreIcpFit; its hard mismatches (industry, size, geography) put the lead outside. */
  icp?: { mismatches: readonly string[] } | undefined;
  competitor?: boolean | undefined;
  student?: boolean | undefined;
  doNotContact?: boolean | undefined;
  bounced?: boolean | undefined;
  duplicate?: boolean | undefined;
  existingCustomer?: boolean | undefined;
  /** ISO 8601 date or timestamp of the last touch with the lead; judged against `now`. */
  lastActivityAt?: string | undefined;
}

/** A rubric answer that is a red flag, e.g. `{ trigger: 'no-budget', source: 'Budget: Red flag' }`. */
export interface RedFlag {
  trigger: TriggerId;
  source: string;
}

export interface Disqualification {
  trigger: TriggerId;
  reason: string;
}

export interface DisqualificationOptions {
  now?: string | undefined;
  /** Days without activity after which a lead is stale; 14 by default. */
  staleAfterDays?: number | undefined;
  redFlags?: readonly RedFlag[] | undefined;
}

/** What a trigger sees: the facts, the moment, the stale limit and the rubric's red flags. */
export interface TriggerContext {
  facts: DisqualificationFacts;
  now: DateTime | undefined;
  staleAfterDays: number;
  redFlags: readonly RedFlag[];
}

export interface TriggerRule {
  id: TriggerId;
  name: string;
  /** Why the trigger fires, one phrase per cause; empty when it does not. */
  causes: (ctx: TriggerContext) => string[];
}

export const DEFAULT_STALE_AFTER_DAYS = 14;

const flagged = (ctx: TriggerContext, id: TriggerId) =>
  ctx.redFlags.filter((f) => f.trigger === id).map((f) => f.source);
const when = (condition: boolean | undefined, cause: string) => (condition === true ? [cause] : []);

/** The hard rules, checked in this order; each names its causes so the reason explains itself. */
export const TRIGGERS: readonly TriggerRule[] = [
  {
    id: 'no-budget',
    name: 'No budget and none creatable',
    causes: (ctx) => [...flagged(ctx, 'no-budget'), ...when(ctx.facts.noBudget, 'noted on the lead')],
  },
  {
    id: 'no-economic-buyer',
    name: 'No access to the economic buyer',
    causes: (ctx) => [
      ...flagged(ctx, 'no-economic-buyer'),
      ...when(ctx.facts.noEconomicBuyerAccess, 'noted on the lead'),
    ],
  },
  {
    id: 'no-pain',
    name: 'No pain or compelling event',
    causes: (ctx) => [...flagged(ctx, 'no-pain'), ...when(ctx.facts.noPain, 'noted on the lead')],
  },
  {
    id: 'outside-icp',
    name: 'Outside the ideal customer profile',
    causes: (ctx) => [
      ...(ctx.facts.icp?.mismatches ?? []),
      ...when(ctx.facts.outsideIcp, 'noted on the lead'),
    ],
  },
  {
    id: 'competitor-or-student',
    name: 'Competitor or student',
    causes: (ctx) => [
      ...when(ctx.facts.competitor, 'works for a competitor'),
      ...when(ctx.facts.student, 'a student'),
    ],
  },
  {
    id: 'do-not-contact',
    name: 'Do not contact',
    causes: (ctx) => [
      ...when(ctx.facts.doNotContact, 'asked not to be contacted'),
      ...when(ctx.facts.bounced, 'e-mail bounced'),
    ],
  },
  {
    id: 'duplicate-or-customer',
    name: 'Duplicate or existing customer',
    causes: (ctx) => [
      ...when(ctx.facts.duplicate, 'duplicate of another lead'),
      ...when(ctx.facts.existingCustomer, 'already a customer'),
    ],
  },
  {
    id: 'stale',
    name: 'Stale',
    causes: (ctx) => {
      const last = ctx.facts.lastActivityAt;
      if (last === undefined || ctx.now === undefined) return [];
      const days = Math.floor(ctx.now.diff(isoDate(last, 'facts.lastActivityAt'), 'days').days);
      if (days < ctx.staleAfterDays) return [];
      return [`no activity for ${days} days since ${last.slice(0, 10)}; the limit is ${ctx.staleAfterDays}`];
    },
  },
];

/** Runs every trigger in order and returns those that fire, each with a reason naming its causes. */
export function findDisqualifications(
  facts: DisqualificationFacts,
  options: DisqualificationOptions = {},
): Disqualification[] {
  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  if (!Number.isInteger(staleAfterDays) || staleAfterDays < 1) {
    throw new InputError([{ path: 'staleAfterDays', message: 'must be a whole number of days, 1 or more' }]);
  }
  if (facts.lastActivityAt !== undefined && options.now === undefined) {
    throw new InputError([
      { path: 'now', message: 'is needed to judge facts.lastActivityAt; pass the current time as ISO 8601' },
    ]);
  }
  const ctx: TriggerContext = {
    facts,
    now: options.now === undefined ? undefined : isoDate(options.now, 'now'),
    staleAfterDays,
    redFlags: options.redFlags ?? [],
  };
  return TRIGGERS.flatMap((rule) => {
    const causes = rule.causes(ctx);
    return causes.length === 0 ? [] : [{ trigger: rule.id, reason: `${rule.name} (${causes.join('; ')})` }];
  });
}
