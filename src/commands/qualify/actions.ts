import type { App, BlockAction, ButtonAction, RespondFn, StaticSelectAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Lead } from '../../engines/lead.js';
import { InputError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { replyToFailure } from '../../slack/failure.js';
import { replyWithRespond } from '../../slack/reply.js';
import { buildDisqualifyModal } from '../../views/qualify/disqualify.js';
import { SCORECARD_ACTIONS, SCORECARD_ACTIONS_BLOCK_PREFIX } from '../../views/qualify/ids.js';
import type { CommandDeps, Reply } from '../types.js';
import { loadWorkspace } from './context.js';
import { deliverToRep } from './deliver.js';
import { openQualifyModal } from './modal.js';
import { moveLeadStage } from './move.js';
import { scorecardMessage, scorecardOf } from './record.js';

/** Who acted, where, and how to answer them. */
export interface ScorecardActor {
  teamId: string;
  userId: string;
  channelId?: string;
  triggerId: string;
  client: WebClient;
  reply: Reply;
  /** The message's response_url, when the control sat in a message (not in a view). */
  respond?: RespondFn;
}

function actorOf(body: BlockAction, client: WebClient, respond: RespondFn, logger: Logger): ScorecardActor {
  const userId = body.user.id;
  const channelId = body.channel?.id;
  const reply: Reply = body.response_url
    ? replyWithRespond(respond)
    : (m) => deliverToRep(client, logger, { userId }, m);
  return {
    ...(body.response_url ? { respond } : {}),
    teamId: body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '',
    userId,
    ...(channelId ? { channelId } : {}),
    triggerId: body.trigger_id,
    client,
    reply,
  };
}

async function leadOf(deps: CommandDeps, actor: ScorecardActor, leadId: string): Promise<Lead> {
  const lead = await deps.store.leads.get(actor.teamId, leadId);
  if (!lead)
    throw new InputError('That lead is no longer stored. Run `/sales-ops qualify` to score it again.');
  return lead;
}

/** Registers one scorecard control: ack first, then the work, with any failure told to the person. */
function on<A extends ButtonAction | StaticSelectAction>(
  app: App,
  deps: CommandDeps,
  actionId: string,
  work: (actor: ScorecardActor, action: A) => Promise<void>,
): void {
  app.action<BlockAction<A>>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    const actor = actorOf(body, client, respond, deps.logger);
    try {
      await work(actor, action);
    } catch (error) {
      await replyToFailure(error, {
        reply: actor.reply,
        logger: deps.logger,
        metrics: deps.metrics,
        source: actionId,
      });
    }
  });
}

/** Registers the scorecard's controls: share, move stage, update answers, disqualify (start sequence is the sequence feature's). */
export function registerScorecardActions(app: App, deps: CommandDeps): void {
  on<ButtonAction>(app, deps, SCORECARD_ACTIONS.share, async (actor, action) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    const workspace = await loadWorkspace(deps.store, actor.teamId);
    const message = scorecardMessage(lead, scorecardOf(lead), workspace.model, {
      mode: 'shared',
      sharedBy: actor.userId,
    });
    if (!actor.respond) {
      await actor.reply({ text: 'Open the scorecard in a channel to share it there.' });
      return;
    }
    await actor.respond({
      response_type: 'in_channel',
      replace_original: false,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  });

  on<StaticSelectAction>(app, deps, SCORECARD_ACTIONS.moveStage, async (actor, action) => {
    const leadId = action.block_id.slice(SCORECARD_ACTIONS_BLOCK_PREFIX.length);
    const lead = await leadOf(deps, actor, leadId);
    await actor.reply(await moveLeadStage(deps, actor, lead, action.selected_option.value));
  });

  on<ButtonAction>(app, deps, SCORECARD_ACTIONS.update, async (actor, action) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    await openQualifyModal(
      actor.client,
      actor.triggerId,
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

  on<ButtonAction>(app, deps, SCORECARD_ACTIONS.disqualify, async (actor, action) => {
    const lead = await leadOf(deps, actor, action.value ?? '');
    await actor.client.views.open({
      trigger_id: actor.triggerId,
      view: buildDisqualifyModal(lead.company, {
        framework: lead.framework,
        leadId: lead.id,
        ...(actor.channelId ? { channelId: actor.channelId } : {}),
      }),
    });
  });
}
