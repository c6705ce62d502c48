import type { JourneyPhase, Motion } from '../types.js';
import type { FrameworkSummary, StageGate } from './frameworks.js';
import type { StageKind } from './stages.js';

/** A stage before it meets a framework: its exit criterion is written once the framework is known. */
export interface StageTemplate {
  name: string;
  probability: number;
  journey: JourneyPhase;
  kind: StageKind;
  exit: (framework: FrameworkSummary) => string;
  checks: string[];
  gate?: StageGate;
}

const open = (
  name: string,
  probability: number,
  journey: JourneyPhase,
  exit: string | ((f: FrameworkSummary) => string),
  checks: string[],
  gate?: StageGate,
): StageTemplate => ({
  name,
  probability,
  journey,
  kind: 'open',
  exit: typeof exit === 'string' ? () => exit : exit,
  checks,
  ...(gate === undefined ? {} : { gate }),
});

const qualifies = (f: FrameworkSummary) => f.qualifies;

export const WON: StageTemplate = {
  name: 'Closed Won',
  probability: 100,
  journey: 'purchase',
  kind: 'won',
  exit: () => 'Contract signed',
  checks: ['contract_signed'],
};
export const LOST: StageTemplate = {
  name: 'Closed Lost',
  probability: 0,
  journey: 'decision',
  kind: 'lost',
  exit: () => 'Loss reason recorded',
  checks: ['loss_reason'],
};

/** Transactional sales: at most four open stages, decided in one or two conversations. */
const TRANSACTIONAL: StageTemplate[] = [
  open('Lead', 10, 'awareness', 'Reached by phone or e-mail and agreed to a demo', ['contact_made']),
  open('Qualified', 30, 'consideration', qualifies, [], 'qualified'),
  open('Demo', 50, 'consideration', 'Demo done on their own use case; the buyer asked for a price', [
    'demo_done',
  ]),
  open(
    'Proposal',
    70,
    'decision',
    'Quote or checkout link sent with a decision date',
    ['quote_sent'],
    'proposal',
  ),
];

/** Product-led sales: the product qualifies the lead before a person does. */
const PRODUCT_LED: StageTemplate[] = [
  open('Signup', 5, 'awareness', 'Account activated: the first key action done in the product', [
    'activated',
  ]),
  open(
    'Product Qualified',
    20,
    'consideration',
    'Usage passes the product-qualified bar: active users, a key feature used, and an ICP company',
    ['product_qualified'],
  ),
  open('Qualified', 40, 'consideration', qualifies, [], 'qualified'),
  open(
    'Proposal',
    65,
    'decision',
    'Paid plan quoted with seats and a start date',
    ['quote_sent'],
    'proposal',
  ),
];

/** Consultative sales: the seed's stages. */
const CONSULTATIVE: StageTemplate[] = [
  open('Lead', 10, 'awareness', 'Contact made', ['contact_made']),
  open('Qualified', 25, 'consideration', qualifies, [], 'qualified'),
  open('Discovery', 40, 'consideration', 'Pain mapped', ['pain_mapped'], 'discovery'),
  open('Proposal', 60, 'decision', 'Quote sent', ['quote_sent'], 'proposal'),
  open('Negotiation', 80, 'decision', 'Terms agreed', ['terms_agreed'], 'negotiation'),
];

/** Complex enterprise sales: proof, a business case and a paper process before the signature. */
const COMPLEX: StageTemplate[] = [
  open('Lead', 5, 'awareness', 'First meeting held with someone in the buying group', ['contact_made']),
  open('Qualified', 15, 'consideration', qualifies, [], 'qualified'),
  open(
    'Discovery',
    25,
    'consideration',
    'Pain, its cost and the buying group mapped',
    ['pain_mapped', 'buying_group'],
    'discovery',
  ),
  open(
    'Validation',
    40,
    'decision',
    'Technical fit proven against the decision criteria (pilot, trial or site visit)',
    ['technical_fit'],
    'validation',
  ),
  open('Business Case', 55, 'decision', 'Business case with agreed numbers accepted by the economic buyer', [
    'business_case',
  ]),
  open(
    'Proposal',
    70,
    'decision',
    'Proposal reviewed with the economic buyer; no open objection',
    ['quote_sent'],
    'proposal',
  ),
  open(
    'Procurement',
    85,
    'decision',
    'Legal, security and purchasing approvals done; signature date set',
    ['paper_process'],
    'negotiation',
  ),
];

/** The open stages for a sales motion; product-led replaces the transactional set when signups feed the funnel. */
export function openStagesFor(motion: Motion, productLed: boolean): StageTemplate[] {
  if (motion === 'transactional') return productLed ? PRODUCT_LED : TRANSACTIONAL;
  if (motion === 'complex') return COMPLEX;
  return CONSULTATIVE;
}

/** Every known stage by lower-case name, so a funnel the team names can reuse the criteria of a stage it shares. */
export const KNOWN_STAGES: ReadonlyMap<string, StageTemplate> = new Map(
  [...COMPLEX, ...CONSULTATIVE, ...PRODUCT_LED, ...TRANSACTIONAL].map((t) => [t.name.toLowerCase(), t]),
);

/** True when a lead source name says it comes from product signups (free trial, freemium, self-serve). */
export function isProductSource(name: string): boolean {
  return /sign[- ]?ups?|free trial|freemium|self[- ]serve|product[- ]led|in[- ]product/i.test(name);
}
