import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn } from '../../blocks/format.js';
import { buildDesign } from '../../engines/build-design.js';
import type { Design } from '../../engines/design.js';
import { type RawIntake, resolveIntake } from '../../engines/intake.js';
import { publishHome } from '../../slack/home.js';
import { INTAKE_DONE_CALLBACK_ID } from '../../views/intake/index.js';
import { profileOverwriteRefusal, withFinalIcp } from '../icp/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { tellPrivately, unreachableText } from './blueprint-notice.js';
import { conversationFor, type PostedThread, postBlueprint, unreachableReason } from './blueprint-post.js';

/** Who finished the intake, where the blueprint goes, and the modal still showing "on its way". */
export interface FinishedIntake {
  teamId: string;
  userId: string;
  channelId: string;
  viewId: string;
  intake: RawIntake;
}

/** The command that reopens the intake for this business (`design` keeps names like "Pipeline Inc" whole). */
function retryCommand(business: string): string {
  return `design ${escapeMrkdwn(business)}`;
}

/** Replaces the "on its way" modal with a note, if the person still has it open. */
async function showInModal(client: WebClient, viewId: string, text: string): Promise<void> {
  await client.views
    .update({
      view_id: viewId,
      view: {
        type: 'modal',
        callback_id: INTAKE_DONE_CALLBACK_ID,
        title: { type: 'plain_text', text: 'Sales design' },
        close: { type: 'plain_text', text: 'Close' },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      },
    })
    // The person may have closed the modal already; the message they also get says the same.
    .catch(() => undefined);
}

async function tellUnreachable(
  client: WebClient,
  deps: CommandDeps,
  done: FinishedIntake,
  design: Design,
  error: unknown,
): Promise<boolean> {
  const reason = unreachableReason(error);
  if (reason === undefined) return false;
  await deps.store.profiles.save(done.teamId, done.intake, { by: done.userId, at: deps.now() });
  const text = unreachableText(reason, {
    what: `the blueprint for *${escapeMrkdwn(design.business)}*`,
    channel: done.channelId,
    retry: retryCommand(design.business),
    after: 'Your answers are saved, so the form opens at the last step, ready to build.',
  });
  deps.logger.info({ teamId: done.teamId, reason }, 'blueprint not posted: the bot cannot post there');
  await showInModal(client, done.viewId, text);
  await tellPrivately(client, { channel: '', userId: done.userId, text, logger: deps.logger });
  return true;
}

async function saveResult(
  client: WebClient,
  deps: CommandDeps,
  done: FinishedIntake,
  result: { design: Design; now: Date; posted: PostedThread },
): Promise<void> {
  const { design, now, posted } = result;
  try {
    await deps.store.profiles.save(done.teamId, done.intake, { by: done.userId, at: now, clearDraft: true });
    await deps.store.blueprints.saveLast(done.teamId, {
      business: design.business,
      framework: design.qualification.framework,
      health: design.overview.health.score,
      generatedAt: now.toISOString(),
      generatedBy: done.userId,
      channel: posted.channel,
      ts: posted.ts,
    });
  } catch (error) {
    deps.metrics.errors.inc({ source: 'intake_save' });
    deps.logger.error({ err: error, teamId: done.teamId }, 'blueprint posted but the profile was not saved');
    const text = `The blueprint is posted, but it could not be saved as this workspace's profile because of a problem on our side. Your answers are kept: run \`${SLASH_COMMAND} ${retryCommand(design.business)}\` again in a minute so \`${SLASH_COMMAND} pipeline\` and \`${SLASH_COMMAND} crm\` use it.`;
    await tellPrivately(client, { channel: '', userId: done.userId, text, logger: deps.logger }).catch(
      (notice: unknown) => deps.logger.error({ err: notice }, 'could not tell the person the save failed'),
    );
    return;
  }
  await publishHome(client, deps.store, done.teamId, done.userId, deps.followups, deps.logger).catch(
    (error: unknown) => {
      deps.logger.warn({ err: error, teamId: done.teamId }, 'could not refresh the Home tab');
    },
  );
}

/**
 * Runs after the last step is acknowledged: builds the design, posts the blueprint, then saves the profile
 * (clearing the draft) and the last-blueprint summary and refreshes the person's Home tab. When the bot
 * cannot post in the channel, the profile is saved, the draft kept, and the person told how to invite it.
 */
export async function finishIntake(
  client: WebClient,
  deps: CommandDeps,
  typed: FinishedIntake,
): Promise<void> {
  let done = typed;
  try {
    const refusal = await profileOverwriteRefusal(deps, client, typed);
    if (refusal !== undefined) {
      await showInModal(client, typed.viewId, refusal);
      await tellPrivately(client, {
        channel: typed.channelId,
        userId: typed.userId,
        text: refusal,
        logger: deps.logger,
      });
      return;
    }
    // The team's final ICP for this business fills the blueprint's ICP box (and so the saved profile).
    done = { ...typed, intake: await withFinalIcp(deps.store, typed.teamId, typed.intake) };
    const now = deps.now();
    const design = buildDesign(resolveIntake(done.intake));
    let posted: PostedThread;
    try {
      const channel = await conversationFor(client, done.channelId, done.userId);
      posted = await postBlueprint(client, { channel, design, now: now.toISOString(), logger: deps.logger });
    } catch (error) {
      if (await tellUnreachable(client, deps, done, design, error)) return;
      throw error;
    }
    await saveResult(client, deps, done, { design, now, posted });
  } catch (error) {
    deps.metrics.errors.inc({ source: 'intake_finish' });
    deps.logger.error({ err: error, teamId: done.teamId }, 'could not build or post the blueprint');
    const text = `Sorry, the blueprint could not be built or posted because of a problem on our side, and nothing was posted. Your answers are kept: run \`${SLASH_COMMAND} ${retryCommand(done.intake.business)}\` again in a minute and press *Build blueprint*.`;
    await showInModal(client, done.viewId, text);
    await tellPrivately(client, {
      channel: done.channelId,
      userId: done.userId,
      text,
      logger: deps.logger,
    }).catch((notice: unknown) =>
      deps.logger.error({ err: notice }, 'could not tell the person the blueprint failed'),
    );
  }
}
