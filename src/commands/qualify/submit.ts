import type { App } from '@slack/bolt';
import { escapeMrkdwn } from '../../blocks/format.js';
import { withIcpFit } from '../../blocks/icp-fit.js';
import { InputError } from '../../errors.js';
import { onView } from '../../slack/listener.js';
import { readDisqualifySubmission } from '../../views/qualify/disqualify.js';
import { DISQUALIFY_VIEW, QUALIFY_VIEW } from '../../views/qualify/ids.js';
import { decodeMetadata, type QualifyMetadata } from '../../views/qualify/metadata.js';
import { readQualifySubmission } from '../../views/qualify/submission.js';
import { fitBlocks, referenceIcp } from '../icp/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { loadWorkspace } from './context.js';
import { leadScoreFor } from './lead-score.js';
import { recordQualification, scorecardMessage } from './record.js';

/** The metadata the modal was opened with; a form that lost it cannot be saved, and the rep is told so. */
function metadataOf(raw: string, deps: CommandDeps): QualifyMetadata {
  try {
    return decodeMetadata(raw);
  } catch (error) {
    deps.logger.warn({ err: error }, 'a qualify modal arrived without readable metadata');
    throw new InputError(
      `This form could not be read, so nothing was saved. Run \`${SLASH_COMMAND} qualify\` to open a new one.`,
    );
  }
}

/** Registers the submissions of the qualify modal and the disqualify modal. */
export function registerQualifyViews(app: App, deps: CommandDeps): void {
  onView(app, deps, QUALIFY_VIEW.callbackId, {
    async check(_ctx, view) {
      const metadata = metadataOf(view.private_metadata, deps);
      // Checking the fields takes microseconds, so problems go back inline on the ack and the form is kept.
      const result = readQualifySubmission(view.state.values, metadata.framework);
      if (!result.ok) return { errors: result.errors };
      return {
        ok: { metadata, data: result.data },
        ...(metadata.channelId ? { channelId: metadata.channelId } : {}),
      };
    },
    async after(ctx, { metadata, data }) {
      const workspace = await loadWorkspace(deps.store, ctx.teamId);
      const { lead, scorecard } = await recordQualification(
        deps,
        {
          teamId: ctx.teamId,
          userId: ctx.userId,
          model: workspace.model,
          leadStaleDays: workspace.leadStaleDays,
        },
        { ...data, framework: metadata.framework, leadId: metadata.leadId, source: metadata.source },
      );
      ctx.saved(`the qualification of ${lead.company}`);
      const reference = await referenceIcp(deps.store, ctx.teamId);
      const fit = fitBlocks(reference, {});
      const score = leadScoreFor(lead, { reference, facts: {} }, deps.now());
      await ctx.reply(
        withIcpFit(
          scorecardMessage(lead, scorecard, workspace.model, {
            mode: 'rep',
            shareable: metadata.channelId !== undefined,
          }),
          [...fit, ...score],
        ),
      );
    },
  });

  onView(app, deps, DISQUALIFY_VIEW.callbackId, {
    async check(_ctx, view) {
      const result = readDisqualifySubmission(view.state.values);
      if (!result.ok) return { errors: result.errors };
      const metadata = metadataOf(view.private_metadata, deps);
      if (!metadata.leadId)
        throw new InputError(
          `This form does not say which lead to disqualify, so nothing was saved. Press Disqualify on the scorecard again.`,
        );
      return {
        ok: { leadId: metadata.leadId, reason: result.reason },
        ...(metadata.channelId ? { channelId: metadata.channelId } : {}),
      };
    },
    async after(ctx, { leadId, reason }) {
      const lead = await deps.store.leads.disqualify(ctx.teamId, leadId, {
        reason,
        by: ctx.userId,
        at: deps.now(),
      });
      await ctx.reply({
        text: `Disqualified *${escapeMrkdwn(lead.company)}*: ${escapeMrkdwn(reason)}. It stays on record; if things change, run \`${SLASH_COMMAND} qualify ${escapeMrkdwn(lead.company)}\` to score it again.`,
      });
    },
  });
}
