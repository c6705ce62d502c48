import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Sequence } from '../../engines/optimizer/index.js';
import { MAX_SEQUENCES } from '../../store/sequences.js';
import { parseSequenceEditor, readEditorMetadata } from '../../views/sequence/edit-parse.js';
import { sequenceEditorView } from '../../views/sequence/edit-view.js';
import { SEQUENCE_VIEW } from '../../views/sequence/ids.js';
import { fixAbPlans } from '../abtest/plan.js';
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
  app.view(SEQUENCE_VIEW.callbackId, async ({ ack, body, view, client }) => {
    const f = deps.followups;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    if (!f) {
      await ack({
        response_action: 'errors',
        errors: { [SEQUENCE_VIEW.nameBlock]: 'The job queue is not connected; try again later' },
      });
      return;
    }
    const meta = readEditorMetadata(view.private_metadata);
    let saved: Sequence | undefined;
    try {
      const existing = await f.sequences.list(teamId);
      const result = parseSequenceEditor(
        view.state.values,
        meta,
        existing.map((s) => s.id),
      );
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      if (!meta.sequenceId && existing.length > MAX_SEQUENCES) {
        await ack({
          response_action: 'errors',
          errors: {
            [SEQUENCE_VIEW.nameBlock]: `A team keeps at most ${MAX_SEQUENCES} sequences; edit one instead`,
          },
        });
        return;
      }
      await f.sequences.save(teamId, result.sequence);
      await ack();
      saved = result.sequence;
    } catch (error) {
      deps.metrics.errors.inc({ source: 'sequence_edit' });
      deps.logger.error({ err: error, teamId }, 'could not save a sequence');
      await ack({
        response_action: 'errors',
        errors: {
          [SEQUENCE_VIEW.nameBlock]: 'Saving failed on our side and nothing was saved; try again in a minute',
        },
      });
      return;
    }
    if (!saved) return;
    // A test that starts with this save gets its sample plan now; a failure leaves it to the first reading.
    await fixAbPlans(f.ab, teamId, saved).catch((error: unknown) =>
      deps.logger.warn({ err: error, teamId }, 'could not fix the A/B sample plans'),
    );
    if (!meta.channelId) return;
    const using = saved.id === 'default' ? '' : ` using ${saved.id}`;
    await client.chat
      .postEphemeral({
        channel: meta.channelId,
        user: body.user.id,
        text: `Saved the sequence "${saved.name}" (\`${saved.id}\`, ${saved.steps.length} steps). Enrol a lead with \`/sales-ops sequence start Acme${using}\`.`,
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not confirm a saved sequence'));
  });
}
