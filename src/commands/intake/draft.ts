import type { Store } from '../../store/index.js';
import {
  BLOCK_IDS,
  FIELD_PATHS,
  type IntakeDraft,
  intakeStep,
  mergeStep,
  type StateValues,
  salvageStep,
  TOTAL_STEPS,
} from '../../views/intake/index.js';

/** A person's unfinished intake: the answers so far, the step they reached, and where it was started. */
export interface IntakeProgress {
  intake: IntakeDraft;
  step: number;
  channelId: string;
}

/** Reads the person's saved intake draft, if any. */
export async function loadDraft(
  store: Store,
  teamId: string,
  userId: string,
): Promise<IntakeProgress | undefined> {
  const draft = await store.drafts.get(teamId, userId);
  if (draft === undefined) return undefined;
  return {
    // Drafts are written only from the step parsers; validateCompleteIntake checks the whole intake before use.
    intake: draft.intake as IntakeDraft,
    step: Math.min(Math.max(draft.step, 1), TOTAL_STEPS),
    channelId: draft.channelId ?? '',
  };
}

/** Saves the person's intake draft (it expires after 30 days untouched). */
export async function saveDraft(
  store: Store,
  ids: { teamId: string; userId: string },
  progress: IntakeProgress,
  at: Date,
): Promise<void> {
  await store.drafts.save(
    ids.teamId,
    ids.userId,
    {
      intake: progress.intake,
      step: progress.step,
      ...(progress.channelId === '' ? {} : { channelId: progress.channelId }),
    },
    at,
  );
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function removePath(tree: unknown, path: readonly string[]): void {
  let node: unknown = tree;
  for (const key of path.slice(0, -1)) node = isTree(node) ? node[key] : undefined;
  const leaf = path.at(-1);
  if (isTree(node) && leaf !== undefined) delete node[leaf];
}

/**
 * Folds what a step's inputs hold into the draft, for Back and Close: invalid inputs leave the draft's value
 * alone, and so do inputs missing from `values` (a payload that does not report an input says nothing of it).
 */
export function salvageInto(draft: IntakeDraft, step: number, values: StateValues): IntakeDraft {
  const patch = salvageStep(step, values);
  for (const field of intakeStep(step).fields) {
    if (values[BLOCK_IDS[field]] === undefined) removePath(patch, FIELD_PATHS[field]);
  }
  return mergeStep(draft, patch);
}
