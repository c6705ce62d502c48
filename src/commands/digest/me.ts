import { renderRepSection } from '../../blocks/digest-reps.js';
import { measureDate } from '../../engines/dashboard/index.js';
import { resolveIntake } from '../../engines/intake.js';
import { repSection } from '../../jobs/digest-content.js';
import { ownerIdsFor } from '../../jobs/digest-owners.js';
import { teamStages } from '../../jobs/team-stages.js';
import type { CommandDeps, CommandRequest } from '../types.js';

const normalise = (owner: string) => owner.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * `digest me`: the digest's section by rep, narrowed to the person's own row (the deals they own, matched
 * by e-mail or name through users.list, or mapped with `alerts map`), sent to their DM with the app.
 */
export async function digestMe(request: CommandRequest, deps: CommandDeps, zone: string): Promise<void> {
  const { teamId, userId } = request;
  const deals = await deps.store.deals.listDeals(teamId);
  if (deals.length === 0) {
    return request.reply({ text: 'No deals are imported yet; run `/sales-ops import` first.' });
  }
  const owners = [...new Set(deals.flatMap((d) => (d.owner === undefined ? [] : [d.owner])))];
  const [matched, mappings, profile] = await Promise.all([
    ownerIdsFor(request.client, owners),
    deps.store.alerts.mappings(teamId),
    deps.store.profiles.get(teamId),
  ]);
  const ownerIds = new Map(matched);
  for (const owner of owners) {
    const mapped = mappings.get(normalise(owner));
    if (mapped !== undefined) ownerIds.set(owner, mapped);
    else if (owner === userId) ownerIds.set(owner, owner);
  }
  const mine = new Set(owners.filter((o) => ownerIds.get(o) === userId));
  if (mine.size === 0) {
    return request.reply({
      text: 'None of the imported deals has you as its owner by e-mail or name. An admin can map your name as the CRM exports it with `/sales-ops alerts map "Your Name" @you`.',
    });
  }
  const intake = profile === undefined ? undefined : resolveIntake(profile.intake);
  const stages = await teamStages(deps.store, teamId, intake, deals);
  const now = measureDate(deals, deps.now().toISOString()).at;
  const report = await repSection(deps.store, { teamId, zone }, { deals, stages, intake, now, ownerIds });
  const blocks = renderRepSection({ ...report, rows: report.rows.filter((r) => mine.has(r.rep)) }, ownerIds);
  await request.client.chat.postMessage({
    channel: userId,
    text: `Your figures · week of ${report.week.start}`,
    blocks,
  });
  await request.reply({ text: 'Sent your figures by rep to your DM with the app.' });
}
