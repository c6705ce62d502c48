import { InputError, type Problem } from '../../errors.js';
import { normaliseDomain } from '../crm/normalise.js';
import { parseMoney } from '../money.js';
import {
  type Answer,
  closest,
  type Framework,
  findCriterion,
  getFramework,
  normalizeKey,
} from '../qualification/index.js';
import type { FrameworkId } from '../types.js';
import { type ReadContext, readCriterionValue } from './read-value.js';
import { type InlinePair, type InlineTokens, tokenizeQualifyText } from './tokens.js';
import type { Clock } from './when.js';

/** Keys that describe the lead rather than answer a criterion. */
export const LEAD_FIELDS = [
  'framework',
  'company',
  'domain',
  'contact',
  'amount',
  'source',
  'their_pain',
] as const;
type LeadField = (typeof LEAD_FIELDS)[number];

/** Longest company name, contact name and source kept, in characters. */
export const MAX_NAME_LENGTH = 120;
export const MAX_SOURCE_LENGTH = 60;
/** Longest domain kept; a lead id is built from it and stays within Slack's block_id limit. */
export const MAX_DOMAIN_LENGTH = 200;
/** Longest "their pain, in their words" kept: a sentence a follow-up can quote. */
export const MAX_THEIR_PAIN_LENGTH = 200;

/** What `/sales-ops qualify …` said: the lead, its details and the answers, each value already checked. */
export interface InlineQualify {
  company?: string;
  framework: FrameworkId;
  /** True when the text named the framework (`framework=meddic`). */
  frameworkGiven: boolean;
  domain?: string;
  contact?: string;
  amount?: number;
  source?: string;
  /** The buyer's pain in their own words (`their_pain="…"`), the one pain a follow-up template may quote. */
  theirPain?: string;
  /** By criterion id. */
  answers: Record<string, Answer>;
}

export interface InlineContext {
  /** The framework when the text names none. */
  framework: FrameworkId;
  clock: Clock;
  /** The deal size a budget is compared with when the text gives no `amount`. */
  dealSize?: number | undefined;
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** A bare, lower-case domain from `acme.com`, `https://www.acme.com/x` or `ana@acme.com`; undefined when it is none. */
export function cleanDomain(value: string): string | undefined {
  const domain = normaliseDomain(value.replace(/^[^@\s]*@/, ''));
  return DOMAIN.test(domain) && domain.length <= MAX_DOMAIN_LENGTH ? domain : undefined;
}

/** True when a company name has a letter or digit to build the lead's id from, and fits. */
export function companyProblem(company: string): string | undefined {
  if (!/[\p{L}\p{N}]/u.test(company)) return 'needs a letter or digit, e.g. qualify "Acme Co"';
  if (company.length > MAX_NAME_LENGTH)
    return `is ${company.length} characters; the limit is ${MAX_NAME_LENGTH}`;
  return undefined;
}

function pickFramework(pairs: readonly InlinePair[], fallback: FrameworkId, problems: Problem[]) {
  const given = pairs.find((p) => p.key === 'framework');
  if (!given) return { framework: getFramework(fallback), given: false };
  try {
    return { framework: getFramework(given.value), given: true };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return { framework: getFramework(fallback), given: false };
  }
}

function readLeadField(field: LeadField, value: string, out: InlineQualify, problems: Problem[]): void {
  const fail = (message: string) => problems.push({ path: field, message });
  const text = value.trim();
  switch (field) {
    case 'framework':
      return;
    case 'company': {
      const problem = companyProblem(text);
      if (problem) fail(problem);
      else out.company = text;
      return;
    }
    case 'domain': {
      const domain = cleanDomain(text);
      if (domain) out.domain = domain;
      else fail(`"${value}" is not a domain; try domain=acme.com`);
      return;
    }
    case 'contact':
    case 'source': {
      const max = field === 'contact' ? MAX_NAME_LENGTH : MAX_SOURCE_LENGTH;
      if (text === '' || text.length > max)
        fail(
          `must be 1 to ${max} characters, e.g. ${field}=${field === 'contact' ? '"Ana Ruiz"' : 'webinar'}`,
        );
      else out[field] = text;
      return;
    }
    case 'their_pain': {
      if (text === '' || text.length > MAX_THEIR_PAIN_LENGTH)
        fail(
          `must be 1 to ${MAX_THEIR_PAIN_LENGTH} characters in the buyer's own words, e.g. their_pain="month-end close takes two weeks"`,
        );
      else out.theirPain = text;
      return;
    }
    case 'amount': {
      const money = parseMoney(text);
      if (money) out.amount = money.amount;
      else fail(`"${value}" is not an amount; try amount=50k or amount=$1.2m`);
      return;
    }
  }
}

function unknownKey(key: string, framework: Framework): string {
  const ids = framework.criteria.map((c) => c.id);
  const hint = closest(normalizeKey(key), [...ids, ...LEAD_FIELDS]);
  const mean = hint ? `did you mean ${hint}? ` : '';
  return `is not a ${framework.name} criterion or lead field; ${mean}${framework.name} asks ${ids.join(', ')}, and a lead also takes ${LEAD_FIELDS.join(', ')}`;
}

/** Reads tokenized text against the framework it names (or the context's); throws one InputError listing every problem. */
export function readInlineQualify(tokens: InlineTokens, context: InlineContext): InlineQualify {
  const problems: Problem[] = [];
  const { framework, given } = pickFramework(tokens.pairs, context.framework, problems);
  const out: InlineQualify = { framework: framework.id, frameworkGiven: given, answers: {} };
  const seen = new Set<string>();
  if (tokens.company !== undefined) {
    seen.add('company');
    readLeadField('company', tokens.company, out, problems);
  }
  const isField = (key: string) => (LEAD_FIELDS as readonly string[]).includes(key);
  for (const pair of tokens.pairs.filter((p) => isField(p.key))) {
    if (seen.has(pair.key)) problems.push({ path: pair.key, message: 'is given twice; give it once' });
    seen.add(pair.key);
    readLeadField(pair.key as LeadField, pair.value, out, problems);
  }
  const ctx: ReadContext = { clock: context.clock, dealSize: out.amount ?? context.dealSize };
  for (const pair of tokens.pairs.filter((p) => !isField(p.key))) {
    const criterion = findCriterion(framework, pair.key);
    if (!criterion) {
      problems.push({ path: pair.key, message: unknownKey(pair.key, framework) });
      continue;
    }
    if (out.answers[criterion.id] !== undefined) {
      problems.push({ path: pair.key, message: `answers ${criterion.name} a second time; give it once` });
      continue;
    }
    const read = readCriterionValue(framework.id, criterion, pair.key, pair.value, ctx);
    if ('problem' in read) problems.push({ path: pair.key, message: read.problem });
    else out.answers[criterion.id] = read.answer;
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** Parses the text after `/sales-ops qualify`; throws InputError naming each bad key with an example that works. */
export function parseInlineQualify(text: string, context: InlineContext): InlineQualify {
  return readInlineQualify(tokenizeQualifyText(text), context);
}

/** True when the text named the lead and answered every criterion of its framework, so no modal is needed. */
export function answersEveryCriterion(inline: InlineQualify): boolean {
  const framework = getFramework(inline.framework);
  return inline.company !== undefined && framework.criteria.every((c) => inline.answers[c.id] !== undefined);
}
