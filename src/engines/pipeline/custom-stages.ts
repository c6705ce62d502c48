import { InputError, type Problem } from '../../errors.js';
import type { JourneyPhase } from '../types.js';
import type { StageDef, StageKind } from './stages.js';

/** A stage of an imported pipeline: only the name and kind are needed, the rest is filled in. */
export interface CustomStage {
  name: string;
  kind: StageKind;
  probability?: number;
  exitCriteria?: string;
  journey?: JourneyPhase;
}

/**
 * Turns an imported stage list (e.g. Maven's Prospecting, Engaging, Won, Lost) into stages. Open stages
 * without a probability are spread evenly below 100 (n open stages: 100·i ÷ (n+1)); journey phases
 * follow position (first open awareness, last open decision, others consideration).
 */
export function customStages(list: CustomStage[]): StageDef[] {
  const problems = customStageProblems(list);
  if (problems.length > 0) throw new InputError(problems);
  const open = list.filter((s) => s.kind === 'open');
  return list.map((stage) => {
    const position = open.indexOf(stage);
    const next = open[position + 1]?.name ?? list.find((s) => s.kind === 'won')?.name;
    const defaults = {
      open: {
        probability: Math.round((100 * (position + 1)) / (open.length + 1)),
        exitCriteria: `Ready for ${next ?? 'closing'}`,
        journey: journeyAt(position, open.length),
      },
      won: { probability: 100, exitCriteria: 'Contract signed', journey: 'purchase' as JourneyPhase },
      lost: { probability: 0, exitCriteria: 'Loss reason recorded', journey: 'decision' as JourneyPhase },
    }[stage.kind];
    return {
      name: stage.name,
      exitCriteria: stage.exitCriteria ?? defaults.exitCriteria,
      exitChecks: [],
      probability: stage.probability ?? defaults.probability,
      journey: stage.journey ?? defaults.journey,
      kind: stage.kind,
    };
  });
}

function customStageProblems(list: CustomStage[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.forEach((stage, i) => {
    const key = stage.name.trim().toLowerCase();
    if (key === '') problems.push({ path: `stages.${i}.name`, message: 'must not be empty' });
    else if (seen.has(key))
      problems.push({ path: `stages.${i}.name`, message: `"${stage.name}" is listed twice` });
    seen.add(key);
  });
  if (!list.some((s) => s.kind === 'open'))
    problems.push({ path: 'stages', message: 'needs at least one open stage' });
  const firstClosed = list.findIndex((s) => s.kind !== 'open');
  if (firstClosed >= 0 && list.slice(firstClosed).some((s) => s.kind === 'open')) {
    problems.push({ path: 'stages', message: 'open stages must come before the won and lost stages' });
  }
  if (list.filter((s) => s.kind === 'won').length !== 1) {
    problems.push({ path: 'stages', message: 'needs exactly one won stage' });
  }
  return problems;
}

function journeyAt(position: number, count: number): JourneyPhase {
  if (position === 0) return 'awareness';
  return position === count - 1 ? 'decision' : 'consideration';
}
