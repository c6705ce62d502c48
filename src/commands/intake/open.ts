import type { Store } from '../../store/index.js';
import { buildStepView, type IntakeDraft } from '../../views/intake/index.js';
import { withFinalIcp } from '../icp/index.js';
import type { OpenIntake } from '../types.js';
import { type IntakeProgress, loadDraft, saveDraft } from './draft.js';

const sameName = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Where the intake starts, and why when it is not where the person might expect. */
interface StartingPoint {
  intake: IntakeDraft;
  step: number;
  notice?: string;
}

/**
 * The person's draft (at the step they reached), else the workspace profile when it is the same business
 * (so running the command again edits it), else a fresh intake with the business named in the command.
 */
async function startingPoint(
  store: Store,
  ids: { teamId: string; userId: string },
  business: string | undefined,
): Promise<StartingPoint & { channelId: string; resumed: boolean }> {
  const draft = await loadDraft(store, ids.teamId, ids.userId);
  if (draft !== undefined) {
    const previous = draft.intake.business;
    if (business !== undefined && previous !== undefined && !sameName(business, previous)) {
      return {
        intake: { ...draft.intake, business },
        step: 1,
        channelId: draft.channelId,
        resumed: true,
        notice: `Your unfinished answers for ${previous} are filled in below for ${business}. Change what differs before you go on.`,
      };
    }
    const intake =
      business !== undefined && previous === undefined ? { ...draft.intake, business } : draft.intake;
    return { intake, step: draft.step, channelId: draft.channelId, resumed: true };
  }
  const profile = await store.profiles.get(ids.teamId);
  if (profile !== undefined && (business === undefined || sameName(business, profile.intake.business)))
    return { intake: profile.intake, step: 1, channelId: '', resumed: false };
  return { intake: business === undefined ? {} : { business }, step: 1, channelId: '', resumed: false };
}

/**
 * Builds the `openIntake` the commands use: opens the intake modal at the step the person reached, pre-filled,
 * and saves the starting point as their draft so every later step merges into it.
 */
export function createOpenIntake(deps: { store: Store; now: () => Date }): OpenIntake {
  return async ({ client, triggerId, teamId, userId, channelId, business }) => {
    const found = await startingPoint(deps.store, { teamId, userId }, business);
    // A fresh start (not the person's own unfinished answers) takes the team's final ICP for the business.
    const start = found.resumed
      ? found
      : { ...found, intake: await withFinalIcp(deps.store, teamId, found.intake) };
    const progress: IntakeProgress = {
      intake: start.intake,
      step: start.step,
      channelId: channelId ?? start.channelId,
    };
    await saveDraft(deps.store, { teamId, userId }, progress, deps.now());
    const view = buildStepView(progress.step, progress.intake, {
      teamId,
      channelId: progress.channelId,
      ...(start.notice === undefined ? {} : { notice: start.notice }),
    });
    await client.views.open({ trigger_id: triggerId, view });
  };
}
