import type { Deal } from '../deal.js';
import { isoMillis } from '../pipeline/dates.js';
import { entriesOf, outcomeOf, type StageDef } from '../pipeline/index.js';

const onOrBefore = (iso: string | undefined, at: number) => {
  const millis = isoMillis(iso);
  return millis !== undefined && millis <= at;
};

/**
 * The deals as they stood at `at`, rebuilt from their dates, so a first import can fill the weeks of history
 * a digest compares with: deals created later are left out, deals closed later are open again in the last
 * stage they had entered by then. Deals with no date at all are kept as they are. Amounts are today's.
 */
export function dealsAsOf(stages: readonly StageDef[], deals: readonly Deal[], at: string): Deal[] {
  const time = isoMillis(at);
  if (time === undefined) throw new RangeError(`at must be an ISO date, got ${JSON.stringify(at)}`);
  const openStages = new Set(stages.filter((s) => s.kind === 'open').map((s) => s.name));
  const firstOpen = stages.find((s) => s.kind === 'open')?.name;
  return deals.flatMap((deal): Deal[] => {
    const entries = entriesOf(stages, deal);
    const start = deal.createdAt ?? entries[0]?.enteredAt;
    if (start === undefined) return [deal];
    if (!onOrBefore(start, time)) return [];
    const closed = outcomeOf(stages, deal) !== 'open';
    if (closed && (deal.closedAt === undefined || onOrBefore(deal.closedAt, time))) return [deal];
    const history = entries.filter((e) => openStages.has(e.stage) && onOrBefore(e.enteredAt, time));
    const stage = history.at(-1)?.stage ?? (closed ? firstOpen : deal.stage) ?? deal.stage;
    const { closedAt: _closedAt, ...rest } = deal;
    return [{ ...rest, stage, status: 'open', history: deal.history.filter((h) => history.includes(h)) }];
  });
}
