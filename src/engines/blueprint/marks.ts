import type { Assumption } from '../types.js';

/** What a reader sees after a value the engines assumed. */
export const ASSUMED_MARK = ' *';

/**
 * Where each shown value may be named in an assumption's path: the intake's path (what the
 * defaults record) and the Design's own path, so either kind of producer gets its values marked.
 */
export const ASSUMPTION_PATHS = {
  cycle: ['cycle.averageDays', 'overview.cycleDays'],
  currentCvr: ['conversion.current', 'overview.currentCvr'],
  targetCvr: ['conversion.target', 'overview.targetCvr'],
  health: ['overview.health'],
  industries: ['icp.industries'],
  companySize: ['icp.companySize'],
  annualRevenue: ['icp.annualRevenue'],
  geography: ['icp.geography'],
  painPoints: ['icp.painPoints'],
  buyingTriggers: ['icp.buyingTriggers'],
  leadSources: ['leadSources'],
  qualification: ['framework', 'qualification'],
  stages: ['stages'],
  funnel: ['funnel'],
  crm: ['crm'],
  followUp: ['sequence', 'followUp'],
} as const satisfies Record<string, readonly string[]>;

const METRIC_KEYS: Record<string, string> = {
  'MQL to SQL': 'mqlToSql',
  'SQL to Opp': 'sqlToOpp',
  'Close Rate': 'closeRate',
  'Avg Deal': 'averageDeal',
};

/** Paths under which a metric's target may be assumed. */
export function metricTargetPaths(name: string): string[] {
  const key = METRIC_KEYS[name];
  return key === undefined ? [] : [`metrics.${key}.target`];
}

function related(a: string, b: string): boolean {
  const under = (child: string, parent: string): boolean =>
    child.startsWith(`${parent}.`) || child.startsWith(`${parent}[`);
  return a === b || under(a, b) || under(b, a);
}

/** Tells whether an assumption covers one of the paths: the same path, a parent of it or a part of it. */
export function isAssumed(assumptions: readonly Assumption[], paths: readonly string[]): boolean {
  return assumptions.some((a) => paths.some((p) => related(a.path, p)));
}

/** Appends the assumed mark when `assumed` holds. */
export function mark(text: string, assumed: boolean): string {
  return assumed ? text + ASSUMED_MARK : text;
}
