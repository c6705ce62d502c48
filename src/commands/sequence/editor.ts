import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Sequence } from '../../engines/optimizer/index.js';
import { onView } from '../../slack/listener.js';
import { MAX_SEQUENCES } from '../../store/sequences.js';
import { parseSequenceEditor, readEditorMetadata } from '../../views/sequence/edit-parse.js';
import { sequenceEditorView } from '../../views/sequence/edit-view.js';
import { SEQUENCE_VIEW } from '../../views/sequence/ids.js';
import { fixAbPlans } from '../abtest/index.js';
import type { CommandDeps } from '../types.js';

/** Opens the sequence editor, pre-filled with `sequence` (or empty for a new one). */
export async function openSequenceEditor(
  client: WebClient,
  triggerId: string,
  sequence: Sequence | undefined,
  channelId: string | undefined,
): Promise<void> {
  const meta = { ...(sequence ? { sequenceId: sequence.id } : {}), ...(channelId ? { channelId } : {}) };
  await client.views.open({ trigger_id: triggerId, view: sequenceEditorView(sequence, meta) });
}

/**
 * Saves a submitted editor: problems come back inline on their blocks, nothing is saved then; a valid
 * sequence is saved whole and confirmed in the channel the editor was opened from.
 */
export function registerSequenceEditor(app: App, deps: CommandDeps): void {
  const f = deps.followups;
  onView(app, deps, SEQUENCE_VIEW.callbackId, {
    errorBlock: () => SEQUENCE_VIEW.nameBlock,
    async check(ctx, view) {
      const meta = readEditorMetadata(view.private_metadata);
      const existing = await f.sequences.list(ctx.teamId);
      const result = parseSequenceEditor(
        view.state.values,
        meta,
        existing.map((s) => s.id),
      );
      if (!result.ok) return { errors: result.errors };
      if (!meta.sequenceId && existing.length > MAX_SEQUENCES)
        return {
          errors: {
            [SEQUENCE_VIEW.nameBlock]: `A team keeps at most ${MAX_SEQUENCES} sequences; edit one instead`,
          },
        };
      await f.sequences.save(ctx.teamId, result.sequence);
      return { ok: { saved: result.sequence, channelId: meta.channelId } };
    },
    async after(ctx, { saved, channelId }) {
      // A test that starts with this save gets its sample plan now; a failure leaves it to the first reading.
      await fixAbPlans(f.ab, ctx.teamId, saved).catch((error: unknown) =>
        deps.logger.warn({ err: error, teamId: ctx.teamId }, 'could not fix the A/B sample plans'),
      );
      if (!channelId) return;
      const using = saved.id === 'default' ? '' : ` using ${saved.id}`;
      await ctx.client.chat
        .postEphemeral({
          channel: channelId,
          user: ctx.userId,
          text: `Saved the sequence "${saved.name}" (\`${saved.id}\`, ${saved.steps.length} steps). Enrol a lead with \`/sales-ops sequence start Acme${using}\`.`,
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not confirm a saved sequence'));
    },
  });
}
