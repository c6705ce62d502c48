import { type AbTestRow, abTestMessage } from '../../blocks/abtest.js';
import {
  type AbPlan,
  type Arm,
  abVerdict,
  CHANNELS,
  type Sequence,
  stepKey,
} from '../../engines/optimizer/index.js';
import type { AbCounters, StepCounts } from '../../store/sequences-ab.js';
import type { CommandHandler } from '../types.js';
import { firstReadingPlan } from './plan.js';

/** Counts as stored; replies are capped at sends, since a reply can be recorded before its send is. */
function armOf(counts: StepCounts | undefined, variant: 'a' | 'b'): Arm {
  const found = counts?.variants[variant];
  const sends = found?.sends ?? 0;
  return { sends, replies: Math.min(found?.replies ?? 0, sends) };
}

/**
 * Every step with a variant B in the team's sequences, read with the A/B engine against the plan fixed when
 * its test started (sized from A's rate so far while none is fixed).
 */
export function abTestRows(sequences: readonly Sequence[], counts: readonly StepCounts[]): AbTestRow[] {
  const byKey = new Map(counts.map((c) => [c.stepKey, c]));
  return sequences.flatMap((sequence) =>
    sequence.steps.flatMap((step, index): AbTestRow[] => {
      if (step.variants === undefined) return [];
      const stepCounts = byKey.get(stepKey(sequence, index));
      const a = armOf(stepCounts, 'a');
      const b = armOf(stepCounts, 'b');
      return [
        {
          sequenceName: sequence.name,
          step: index + 1,
          channel: CHANNELS[step.channel].label,
          day: step.day,
          a,
          b,
          stepKey: stepKey(sequence, index),
          planFixed: stepCounts?.plan !== undefined,
          result: abVerdict(stepCounts?.plan === undefined ? { a, b } : { a, b, plan: stepCounts.plan }),
        },
      ];
    }),
  );
}

/** Fixes the plan of tests that started without one, at their first reading with sends of A. */
async function fixMissingPlans(ab: AbCounters, teamId: string, rows: readonly AbTestRow[]): Promise<boolean> {
  const fixed = await Promise.all(
    rows.map(async (row) => {
      if (row.planFixed) return false;
      const plan: AbPlan | undefined = firstReadingPlan(row.a);
      if (plan === undefined) return false;
      await ab.fixPlan(teamId, row.stepKey, plan);
      return true;
    }),
  );
  return fixed.some(Boolean);
}

/** `/sales-ops abtest`: the results of the follow-up template A/B tests, privately. */
export const abtest: CommandHandler = async (request, deps) => {
  const f = deps.followups;
  const [sequences, counts] = await Promise.all([
    f.sequences.list(request.teamId),
    f.ab.list(request.teamId),
  ]);
  const rows = abTestRows(sequences, counts);
  const changed = await fixMissingPlans(f.ab, request.teamId, rows);
  const shown = changed ? abTestRows(sequences, await f.ab.list(request.teamId)) : rows;
  await request.reply(abTestMessage(shown));
};
