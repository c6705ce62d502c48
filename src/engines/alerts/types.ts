import type { DealStatus } from '../deal.js';

/** The alert rules, in the order a person reads them. */
export const ALERT_RULES = [
  'stuck',
  'close-date-passed',
  'close-date-slipped',
  'amount-dropped',
  'stage-skipped',
  'big-win',
  'icp-match',
] as const;
export type AlertRuleId = (typeof ALERT_RULES)[number];

/** What one deal looked like at an import: enough to tell what changed at the next one. */
export interface DealState {
  stage: string;
  status: DealStatus;
  amount?: number;
  /** The expected close date of an open deal, the close date of a closed one. */
  closeDate?: string;
}

/** Every deal of one import by id. */
export type DealSnapshot = Record<string, DealState>;

/** One alert: about a deal (or a lead the app moved), for the deal's owner unless it goes to the channel. */
export interface Alert {
  /** Deterministic: the same team, deal, rule and state always give the same key. */
  key: string;
  rule: AlertRuleId;
  dealId: string;
  /** The deal's owner as the CRM exports it, or the Slack user id of a lead's owner. */
  owner?: string;
  account?: string;
  stage: string;
  amount?: number;
  /** What the state is, e.g. `2017-03-01→2017-04-15`; part of the key. */
  state: string;
  /** One sentence a person reads: "Stuck in Engaging for 41 days (limit 30)". */
  text: string;
  /** The big win goes to the team channel, never to a person. */
  toChannel: boolean;
}
