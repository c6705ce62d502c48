import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { withIcpFit } from '../../blocks/icp-fit.js';
import { replyToFailure } from '../../slack/failure.js';
import { escapeMrkdwn } from '../../slack/reply.js';
import { readDisqualifySubmission } from '../../views/qualify/disqualify.js';
import { DISQUALIFY_VIEW, QUALIFY_VIEW } from '../../views/qualify/ids.js';
import { decodeMetadata, type QualifyMetadata } from '../../views/qualify/metadata.js';
import { readQualifySubmission } from '../../views/qualify/submission.js';
import { SLASH_COMMAND } from '../ids.js';
import { fitBlocks, referenceIcp } from '../icp/fit.js';
import type { CommandDeps, ReplyMessage } from '../types.js';
import { loadWorkspace } from './context.js';
import { deliverToRep } from './deliver.js';
import { leadScoreFor } from './lead-score.js';
import { recordQualification, scorecardMessage } from './record.js';

interface Submitted {
  teamId: string;
  userId: string;
  client: WebClient;
  metadata: QualifyMetadata;
}

/** Runs the work after the ack, telling the rep (in the channel, else their DM) when it fails. */
async function afterAck(
  deps: CommandDeps,
  s: Submitted,
  source: string,
  work: (reply: (m: ReplyMessage) => Promise<void>) => Promise<void>,
) {
  const reply = (m: ReplyMessage) =>
    deliverToRep(s.client, deps.logger, { userId: s.userId, channelId: s.metadata.channelId }, m);
  try {
    await work(reply);
  } catch (error) {
    await replyToFailure(error, { reply, logger: deps.logger, metrics: deps.metrics, source });
  }
}

function metadataOf(raw: string, deps: CommandDeps): QualifyMetadata | undefined {
  try {
    return decodeMetadata(raw);
  } catch (error) {
    deps.logger.warn({ err: error }, 'a qualify modal arrived without readable metadata');
    return undefined;
  }
}

/** Registers the submissions of the qualify modal and the disqualify modal. */
export function registerQualifyViews(app: App, deps: CommandDeps): void {
  app.view(QUALIFY_VIEW.callbackId, async ({ ack, body, view, client }) => {
    const metadata = metadataOf(view.private_metadata, deps);
    if (!metadata) {
      await ack();
      return;
    }
    // Checking the fields takes microseconds, so problems go back inline on the ack and the form is kept.
    const result = readQualifySubmission(view.state.values, metadata.framework);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    const s: Submitted = {
      teamId: body.team?.id ?? body.enterprise?.id ?? '',
      userId: body.user.id,
      client,
      metadata,
    };
    await afterAck(deps, s, QUALIFY_VIEW.callbackId, async (reply) => {
      const workspace = await loadWorkspace(deps.store, s.teamId);
      const { lead, scorecard } = await recordQualification(
        deps,
        {
          teamId: s.teamId,
          userId: s.userId,
          model: workspace.model,
          leadStaleDays: workspace.leadStaleDays,
        },
        {
          ...result.data,
          framework: metadata.framework,
          leadId: metadata.leadId,
          source: metadata.source,
        },
      );
      const reference = await referenceIcp(deps.store, s.teamId);
      const fit = fitBlocks(reference, {});
      const score = leadScoreFor(lead, { reference, facts: {} }, deps.now());
      await reply(
        withIcpFit(
          scorecardMessage(lead, scorecard, workspace.model, {
            mode: 'rep',
            shareable: metadata.channelId !== undefined,
          }),
          [...fit, ...score],
        ),
      );
    });
  });

  app.view(DISQUALIFY_VIEW.callbackId, async ({ ack, body, view, client }) => {
    const metadata = metadataOf(view.private_metadata, deps);
    const result = readDisqualifySubmission(view.state.values);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    if (!metadata?.leadId) return;
    const leadId = metadata.leadId;
    const s: Submitted = {
      teamId: body.team?.id ?? body.enterprise?.id ?? '',
      userId: body.user.id,
      client,
      metadata,
    };
    await afterAck(deps, s, DISQUALIFY_VIEW.callbackId, async (reply) => {
      const lead = await deps.store.leads.disqualify(s.teamId, leadId, {
        reason: result.reason,
        by: s.userId,
        at: deps.now(),
      });
      await reply({
        text: `Disqualified *${escapeMrkdwn(lead.company)}*: ${escapeMrkdwn(result.reason)}. It stays on record; if things change, run \`${SLASH_COMMAND} qualify ${escapeMrkdwn(lead.company)}\` to score it again.`,
      });
    });
  });
}
