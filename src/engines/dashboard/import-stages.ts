import type { Deal } from '../deal.js';
import { type CustomStage, customStages, type StageDef } from '../pipeline/index.js';

/** The export formats whose default pipelines are known. */
export type StageSource = 'hubspot' | 'salesforce' | 'pipedrive' | 'maven';

/** Each system's default open stages in pipeline order; the seed's stages are tried last. */
const DEFAULT_ORDERS: Record<StageSource, string[]> = {
  maven: ['Prospecting', 'Engaging'],
  hubspot: [
    'appointmentscheduled',
    'qualifiedtobuy',
    'presentationscheduled',
    'decisionmakerboughtin',
    'contractsent',
  ],
  salesforce: [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
  ],
  pipedrive: [
    'Lead In',
    'Contact Made',
    'Qualified',
    'Demo Scheduled',
    'Needs Defined',
    'Proposal Made',
    'Negotiations Started',
  ],
};
const SEED_ORDER = ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation'];

const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names of won and lost stages as the importers read them ("Closed Won", "closedlost", "Won"…). */
function closedKind(name: string): 'won' | 'lost' | undefined {
  const k = key(name.replace(/\s*\([^)]*\)\s*$/, ''));
  if (k === 'closedwon' || k === 'won') return 'won';
  if (k === 'closedlost' || k === 'lost') return 'lost';
  return undefined;
}

/**
 * The pipeline stages an imported file implies: its open stage names in the source's default order (names
 * it does not know follow in the order they first appear), then one won and one lost stage, named as in the
 * file when it has them ("Closed Won", "Won") and "Closed Won" / "Closed Lost" otherwise.
 */
export function stagesForImport(source: StageSource, deals: readonly Deal[]): StageDef[] {
  return stagesFromNames(
    source,
    deals.flatMap((deal) => [deal.stage, ...deal.history.map((h) => h.stage)]),
  );
}

/** `stagesForImport` from the stage names the deals use, current stages and history, in order of appearance. */
export function stagesFromNames(source: StageSource, names: Iterable<string>): StageDef[] {
  const order = [...DEFAULT_ORDERS[source], ...SEED_ORDER].map(key);
  const rank = (name: string) => {
    const at = order.indexOf(key(name));
    return at < 0 ? order.length : at;
  };
  const open: string[] = source === 'maven' ? [...DEFAULT_ORDERS.maven] : [];
  let won: string | undefined;
  let lost: string | undefined;
  for (const name of names) {
    const kind = closedKind(name);
    if (kind === 'won') won ??= name;
    else if (kind === 'lost') lost ??= name;
    // customStages refuses two names that differ only in case or spaces: the first spelling stands for both.
    else if (!open.some((o) => o.trim().toLowerCase() === name.trim().toLowerCase())) open.push(name);
  }
  // A file of closed deals only still needs one open stage for its funnel to start from.
  if (open.length === 0) open.push('Open');
  const sorted = open
    .map((name, i) => ({ name, i }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  const list: CustomStage[] = [
    ...sorted.map((s) => ({ name: s.name, kind: 'open' as const })),
    { name: won ?? 'Closed Won', kind: 'won' },
    { name: lost ?? 'Closed Lost', kind: 'lost' },
  ];
  return customStages(list);
}
