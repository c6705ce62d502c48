import type { App, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { Lead } from '../../engines/lead.js';
import { NotFoundError } from '../../errors.js';
import { onAction, type RequestContext } from '../../slack/listener.js';
import { buildDisqualifyModal } from '../../views/qualify/disqualify.js';
import { SCORECARD_ACTIONS, SCORECARD_ACTIONS_BLOCK_PREFIX } from '../../views/qualify/ids.js';
import type { CommandDeps } from '../types.js';
import { loadWorkspace } from './context.js';
import { openQualifyModal } from './modal.js';
import { moveLeadStage } from './move.js';
import { scorecardMessage, scorecardOf } from './record.js';

async function leadOf(deps: CommandDeps, ctx: RequestContext, leadId: string): Promise<Lead> {
  const lead = await deps.store.leads.get(ctx.teamId, leadId);
  if (!lead)
    throw new NotFoundError('That lead is no longer stored. Run `/sales-ops qualify` to score it again.');
  return lead;
}

/** Registers the scorecard's controls: share, move stage, update answers, disqualify (start sequence is the sequence feature's). */
export function registerScorecardActions(app: App, deps: CommandDeps): void {
  onAction<ButtonAction>(app, deps, SCORECARD_ACTIONS.share, async (actor, action, _body, respond) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    const workspace = await loadWorkspace(deps.store, actor.teamId);
    const message = scorecardMessage(lead, scorecardOf(lead), workspace.model, {
      mode: 'shared',
      sharedBy: actor.userId,
    });
    if (!respond) {
      await actor.reply({ text: 'Open the scorecard in a channel to share it there.' });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  });

  onAction<StaticSelectAction>(app, deps, SCORECARD_ACTIONS.moveStage, async (actor, action) => {
    const leadId = action.block_id.slice(SCORECARD_ACTIONS_BLOCK_PREFIX.length);
    const lead = await leadOf(deps, actor, leadId);
    await actor.reply(await moveLeadStage(deps, actor, lead, action.selected_option.value));
  });

  onAction<ButtonAction>(app, deps, SCORECARD_ACTIONS.update, async (actor, action, body) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    await openQualifyModal(
      actor.client,
      body.trigger_id,
      {
        framework: lead.framework,
        frameworkReason: "this lead's last qualification",
        company: lead.company,
        contact: lead.contact?.name,
        domain: lead.domain,
        amount: lead.amount,
        theirPain: lead.theirPain,
        answers: lead.answers,
        metadata: {
          framework: lead.framework,
          leadId: lead.id,
          ...(actor.channelId ? { channelId: actor.channelId } : {}),
        },
      },
      'Press Update answers again.',
    );
  });

  onAction<ButtonAction>(app, deps, SCORECARD_ACTIONS.disqualify, async (actor, action, body) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    await actor.client.views.open({
      trigger_id: body.trigger_id,
      view: buildDisqualifyModal(lead.company, {
        framework: lead.framework,
        leadId: lead.id,
        ...(actor.channelId ? { channelId: actor.channelId } : {}),
      }),
    });
  });
}
