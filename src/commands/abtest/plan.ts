import {
  type AbPlan,
  type Arm,
  formatCount,
  formatRate,
  observedBaseline,
  planAbTest,
  type Sequence,
  stepKey,
} from '../../engines/optimizer/index.js';
import type { AbCounters, StepCounts } from '../../store/sequences-ab.js';

/** Sends and replies of the variants named, summed; replies capped at sends. */
function sumOf(counts: readonly (StepCounts | undefined)[], variants?: readonly string[]): Arm {
  let sends = 0;
  let replies = 0;
  for (const step of counts) {
    for (const [variant, c] of Object.entries(step?.variants ?? {})) {
      if (variants !== undefined && !variants.includes(variant)) continue;
      sends += c.sends;
      replies += Math.min(c.replies, c.sends);
    }
  }
  return { sends, replies };
}

/**
 * The plan of a test that starts now on a step: sized from control A's reply rate before the test (the
 * step's own sends so far), else from the team's reply rate over every step; undefined while neither has
 * a reply, and then the first reading with A's sends fixes it.
 */
export function startingPlan(step: StepCounts | undefined, all: readonly StepCounts[]): AbPlan | undefined {
  const own = sumOf([step], ['single', 'a']);
  if (own.replies > 0) {
    const rate = own.replies / own.sends;
    return planAbTest({
      baseline: rate,
      basis: `this step's ${formatRate(rate)} over ${formatCount(own.sends)} sends before the test`,
    });
  }
  const team = sumOf(all);
  if (team.replies > 0) {
    const rate = team.replies / team.sends;
    return planAbTest({
      baseline: rate,
      basis: `the team's ${formatRate(rate)} over ${formatCount(team.sends)} sends before the test`,
    });
  }
  return undefined;
}

/** The plan of a test without one yet: A's rate so far once A has sends, fixed from then on. */
export function firstReadingPlan(a: Arm): AbPlan | undefined {
  if (a.sends === 0) return undefined;
  const { baseline, basis } = observedBaseline(a);
  return planAbTest({ baseline, basis: `${basis}, when the plan was fixed` });
}

/**
 * Fixes the sample plan of every step of `sequence` whose A/B test starts with this save, and forgets the
 * plan of steps that no longer have a variant B. A plan already fixed stays as it is.
 */
export async function fixAbPlans(ab: AbCounters, teamId: string, sequence: Sequence): Promise<void> {
  const all = await ab.list(teamId);
  const byKey = new Map(all.map((c) => [c.stepKey, c]));
  await Promise.all(
    sequence.steps.map(async (step, index) => {
      const key = stepKey(sequence, index);
      const counts = byKey.get(key);
      if (step.variants === undefined) {
        if (counts?.plan !== undefined) await ab.clearPlan(teamId, key);
        return;
      }
      if (counts?.plan !== undefined) return;
      const plan = startingPlan(counts, all);
      if (plan !== undefined) await ab.fixPlan(teamId, key, plan);
    }),
  );
}
