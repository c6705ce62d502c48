import { daysBetween } from '../pipeline/dates.js';
import { outcomeOf } from '../pipeline/reach.js';
import { entriesOf } from '../pipeline/time-in-stage.js';
import type { AuditContext, AuditDeal, AuditInput } from './audit-types.js';
import {
  isE164,
  isEmail,
  isWebAddress,
  normaliseCompanyName,
  normaliseDomain,
  normaliseEmail,
} from './normalise.js';

/** The stale limit the audit uses when it is given none, in days. */
export const DEFAULT_STALE_DAYS = 30;

type Check<R> = (record: R, ctx: AuditContext) => string | undefined;
type Found = { recordId: string; detail: string };

const each =
  <R extends { id: string }>(pick: (input: AuditInput) => readonly R[] | undefined, check: Check<R>) =>
  (input: AuditInput, ctx: AuditContext): Found[] =>
    (pick(input) ?? []).flatMap((r) => {
      const detail = check(r, ctx);
      return detail === undefined ? [] : [{ recordId: r.id, detail }];
    });

/** Every record after the first with the same key is a duplicate of the first. */
const duplicates =
  <R extends { id: string }>(
    pick: (input: AuditInput) => readonly R[] | undefined,
    key: (r: R) => string | undefined,
    what: string,
  ) =>
  (input: AuditInput): Found[] => {
    const first = new Map<string, string>();
    return (pick(input) ?? []).flatMap((r) => {
      const k = key(r);
      if (k === undefined || k === '') return [];
      const original = first.get(k);
      if (original === undefined) first.set(k, r.id);
      return original === undefined ? [] : [{ recordId: r.id, detail: `same ${what} as ${original} (${k})` }];
    });
  };

const missing = (record: object, names: string[]) => {
  const absent = names.filter((n) => {
    const value = (record as Record<string, unknown>)[n];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
  return absent.length > 0 ? `missing ${absent.join(', ')}` : undefined;
};
const contacts = (i: AuditInput) => i.contacts;
const companies = (i: AuditInput) => i.companies;
const deals = (i: AuditInput) => i.deals;
const isOpen = (d: AuditDeal, ctx: AuditContext) =>
  (ctx.stages ? outcomeOf(ctx.stages, d) : d.status) === 'open';
const bad = (value: string | undefined, valid: (v: string) => boolean, what: string) =>
  value !== undefined && value.trim() !== '' && !valid(value) ? `${what} "${value}"` : undefined;

/** The data hygiene rules with their checks, in the order the audit reports them. */
export const HYGIENE_CHECKS: {
  id: string;
  description: string;
  run: (input: AuditInput, ctx: AuditContext) => Found[];
}[] = [
  {
    id: 'required-fields',
    description:
      'Contacts need a last name and e-mail, companies a name and domain, deals an owner, amount and account, closed deals a close date.',
    run: (input, ctx) => [
      ...each(contacts, (c) => missing(c, ['lastName', 'email']))(input, ctx),
      ...each(companies, (c) => missing(c, c.website ? ['name'] : ['name', 'domain']))(input, ctx),
      ...each(deals, (d, x) =>
        missing(
          d,
          isOpen(d, x) ? ['owner', 'amount', 'account'] : ['owner', 'amount', 'account', 'closedAt'],
        ),
      )(input, ctx),
    ],
  },
  {
    id: 'email-format',
    description: 'E-mail addresses look like name@domain.tld.',
    run: each(contacts, (c) => bad(c.email, isEmail, 'invalid e-mail')),
  },
  {
    id: 'phone-format',
    description: 'Phone numbers are in E.164 format, e.g. +14155550100.',
    run: (input, ctx) => [
      ...each(contacts, (c) => bad(c.phone, isE164, 'phone not in E.164'))(input, ctx),
      ...each(companies, (c) => bad(c.phone, isE164, 'phone not in E.164'))(input, ctx),
    ],
  },
  {
    id: 'url-format',
    description: 'Websites, domains and profile links are valid web addresses.',
    run: (input, ctx) => [
      ...each(contacts, (c) => bad(c.linkedinUrl, isWebAddress, 'invalid LinkedIn URL'))(input, ctx),
      ...each(
        companies,
        (c) =>
          bad(c.domain, isWebAddress, 'invalid domain') ?? bad(c.website, isWebAddress, 'invalid website'),
      )(input, ctx),
    ],
  },
  {
    id: 'duplicate-email',
    description: 'No two contacts share an e-mail address (case and spaces ignored).',
    run: duplicates(contacts, (c) => (c.email ? normaliseEmail(c.email) : undefined), 'e-mail'),
  },
  {
    id: 'duplicate-domain',
    description: 'No two companies share a website domain (scheme, www. and path ignored).',
    run: duplicates(
      companies,
      (c) => ((c.domain ?? c.website) ? normaliseDomain(c.domain ?? c.website ?? '') : undefined),
      'domain',
    ),
  },
  {
    id: 'duplicate-company',
    description:
      'No two companies share a name once case, punctuation and suffixes such as Inc, LLC, Ltd and Corp are ignored.',
    run: duplicates(companies, (c) => (c.name ? normaliseCompanyName(c.name) : undefined), 'company name'),
  },
  {
    id: 'stale-deal',
    description: `Open deals move (change stage) at least every ${DEFAULT_STALE_DAYS} days.`,
    run: each(deals, (d, ctx) => {
      if (!isOpen(d, ctx)) return undefined;
      const last = (ctx.stages ? entriesOf(ctx.stages, d) : d.history).at(-1)?.enteredAt ?? d.createdAt;
      const age = daysBetween(last, ctx.now);
      return age !== undefined && age > ctx.staleDays
        ? `no stage change for ${Math.floor(age)} days`
        : undefined;
    }),
  },
  {
    id: 'past-close-date',
    description: 'Open deals have an expected close date that is not in the past.',
    run: each(deals, (d, ctx) => {
      const late = daysBetween(d.expectedCloseDate, ctx.now);
      return isOpen(d, ctx) && late !== undefined && late >= 1
        ? `expected to close ${d.expectedCloseDate}, still open`
        : undefined;
    }),
  },
  {
    id: 'unknown-stage',
    description: 'Every deal sits in a stage of the pipeline.',
    run: each(deals, (d, ctx) =>
      ctx.stages && !ctx.stages.some((s) => s.name === d.stage)
        ? `stage "${d.stage}" is not in the pipeline`
        : undefined,
    ),
  },
  {
    id: 'stage-probability',
    description:
      "A deal's probability matches its stage: 100 when won, 0 when lost, near the stage's probability when open.",
    run: each(deals, (d, ctx) => stageProbabilityProblem(d, ctx)),
  },
];

/** The hygiene rules as the blueprint lists them: id and description, with the default stale limit. */
export const HYGIENE_RULES: { id: string; description: string }[] = hygieneRules(DEFAULT_STALE_DAYS);

/** The hygiene rules with the stale limit of this team (see `operatingThresholds`). */
export function hygieneRules(staleDays: number): { id: string; description: string }[] {
  return HYGIENE_CHECKS.map(({ id, description }) => ({
    id,
    description:
      id === 'stale-deal'
        ? `Open deals move (change stage) at least every ${staleDays === 1 ? 'day' : `${staleDays} days`}.`
        : description,
  }));
}

function stageProbabilityProblem(deal: AuditDeal, ctx: AuditContext): string | undefined {
  const p = deal.probability;
  if (p === undefined) return undefined;
  const outcome = ctx.stages ? outcomeOf(ctx.stages, deal) : deal.status;
  if (outcome === 'won' && p !== 100) return `won but probability ${p}%`;
  if (outcome === 'lost' && p !== 0) return `lost but probability ${p}%`;
  if (outcome !== 'open') return undefined;
  if (p <= 0 || p >= 100) return `open but probability ${p}%`;
  const stage = ctx.stages?.find((s) => s.name === deal.stage);
  if (stage !== undefined && Math.abs(stage.probability - p) > ctx.probabilityTolerance) {
    return `${deal.stage} is ${stage.probability}% but the deal says ${p}%`;
  }
  return undefined;
}
