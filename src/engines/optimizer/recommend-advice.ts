import { formatMoney } from '../format.js';
import { formatResponseTime } from '../thresholds.js';
import type { Motion, Segment } from '../types.js';

/** The figures of the business that advice is tailored to; the same figures the rest of the blueprint uses. */
export interface BusinessContext {
  motion: Motion;
  segment: Segment;
  averageDeal: number;
  cycleDays: number;
  /** Hours to the first call or e-mail of a new MQL, as in the automation rules. */
  speedToLeadHours: number;
  /** Days without activity before an open deal gets a task, as in the automation rules. */
  idleDays: number;
}

/** True when one person usually signs: small deals and transactional sales. */
function singleBuyer(b: BusinessContext): boolean {
  return b.segment === 'smb' || b.motion === 'transactional';
}

/** True when a buying group signs: enterprise deals and complex sales. */
function buyingGroup(b: BusinessContext): boolean {
  return b.segment === 'enterprise' || b.motion === 'complex';
}

/**
 * What to do about a lagging blueprint metric, for this business: advice that fits its deal size, cycle and
 * motion, naming the figures it rests on. Undefined for metrics without specific advice or without a business.
 */
export function metricAdvice(metric: string, b: BusinessContext | undefined): string | undefined {
  if (b === undefined) return undefined;
  const deal = formatMoney(b.averageDeal);
  const cycle = `${b.cycleDays}-day`;
  const respond = formatResponseTime(b.speedToLeadHours);
  switch (metric) {
    case 'MQL to SQL':
      return buyingGroup(b)
        ? `At ${deal} and a ${cycle} cycle, fit matters more than speed: research each new MQL and reach the right person within ${respond}, and tighten the MQL definition to the ICP.`
        : `With a ${cycle} cycle, a lead not reached quickly buys elsewhere: call new MQLs within ${respond}, and tighten the MQL definition to the ICP.`;
    case 'SQL to Opp':
      return singleBuyer(b)
        ? `At ${deal}, show the product on the first real conversation and book the next step before hanging up.`
        : 'Run discovery on every SQL with the framework questions and book the next meeting before hanging up.';
    case 'Close Rate':
      if (buyingGroup(b)) {
        return `At ${deal} a buying group decides: multi-thread each deal, confirm the economic buyer before the proposal, and disqualify early instead of late.`;
      }
      return singleBuyer(b)
        ? `At ${deal} one person usually decides: ask for the decision on the first real call, end trials with a purchase date, and follow up within ${b.idleDays === 1 ? '1 day' : `${b.idleDays} days`} of silence.`
        : `At ${deal}, confirm who signs and their criteria before the proposal, and disqualify early instead of late.`;
    case 'Avg Deal':
      return singleBuyer(b)
        ? `Offer the yearly plan first and a bundle of add-ons; at ${deal} a small discount for paying up front lifts the average more than a bigger package.`
        : `Anchor the price on the value found in discovery, lead with the bigger package, and discount only for commitments; the average is ${deal} today.`;
    default:
      return undefined;
  }
}
