import { escapeMrkdwn } from '../../blocks/format.js';
import { skippedStages } from '../../engines/alerts/index.js';
import type { Lead } from '../../engines/lead.js';
import { InputError } from '../../errors.js';
import type { CommandDeps, ReplyMessage } from '../types.js';
import { loadWorkspace, pipelineFor } from './context.js';
import { checkStageExit } from './exit.js';

/**
 * Moves a lead to `target`, checking the exit criteria of the stage it leaves: the move is always recorded,
 * with `exitCriteriaMet: false` and the unmet criteria when some are not met, and the reply lists them.
 */
export async function moveLeadStage(
  deps: CommandDeps,
  actor: { teamId: string; userId: string },
  lead: Lead,
  target: string,
): Promise<ReplyMessage> {
  const workspace = await loadWorkspace(deps.store, actor.teamId);
  const stages = pipelineFor(workspace.model, lead.framework);
  const company = escapeMrkdwn(lead.company);
  if (target === lead.stage) return { text: `*${company}* is already in *${escapeMrkdwn(target)}*.` };
  if (!stages.some((s) => s.name === target)) {
    throw new InputError(
      `"${target}" is not a stage of this pipeline; choose one of ${stages.map((s) => s.name).join(', ')}.`,
    );
  }
  const left = stages.find((s) => s.name === lead.stage);
  const { unmet, manual } = checkStageExit(lead, left);
  await deps.store.leads.moveStage(actor.teamId, lead.id, {
    stage: target,
    by: actor.userId,
    at: deps.now(),
    exitCriteriaMet: unmet.length === 0,
    unmet: unmet.map((u) => u.id),
    skipped: skippedStages(stages, lead.stage, target),
  });
  const from = escapeMrkdwn(lead.stage);
  const moved = `Moved *${company}* from *${from}* to *${escapeMrkdwn(target)}*.`;
  const confirm =
    manual.length > 0
      ? `\nAlso confirm what the answers cannot show: ${escapeMrkdwn(manual.join(', '))}.`
      : '';
  if (unmet.length === 0) {
    const checked =
      left && left.exitChecks.length > manual.length ? ` The exit criteria of ${from} are met.` : '';
    return { text: `${moved}${checked}${confirm}` };
  }
  const lines = unmet.map(
    (u) => `• ${escapeMrkdwn(u.name)}: ${escapeMrkdwn(u.level)}, needs ${escapeMrkdwn(u.needs)}`,
  );
  return {
    text: [
      `:warning: ${moved} The exit criteria of ${from} are not met:`,
      ...lines,
      `The move is recorded as made without them. Press *Update answers* on the scorecard when you have the evidence.${confirm}`,
    ].join('\n'),
  };
}
