import { InputError } from '../../errors.js';
import type { StageGate } from '../qualification/framework.js';
import { FRAMEWORKS } from '../qualification/frameworks/index.js';
import { FRAMEWORK_IDS, type FrameworkId } from '../types.js';

export type { StageGate };

/** One level a criterion can be recorded at: the value the scorecard stores and the label people read. */
export interface LevelOption {
  value: string;
  label: string;
}

/**
 * What the pipeline and the CRM need to know about a qualification framework, derived from its rubric:
 * its criteria with every level the scorecard can record, the qualify rule in words, and which criteria
 * gate which step.
 */
export interface FrameworkSummary {
  id: string;
  name: string;
  /** Each criterion's levels, strongest first, red flags last. */
  criteria: { id: string; name: string; levels: LevelOption[] }[];
  /** The Qualified stage's exit criterion, e.g. "MEDDIC 12/18 with EB and Champion ≥ 2". */
  qualifies: string;
  /** Criteria ids that must be at a passing level before leaving each step; absent steps use generic checks. */
  gates?: Partial<Record<StageGate, readonly string[]>>;
}

/** The shape of a qualification framework this module reads (the qualification engine's `Framework`). */
export interface FrameworkLike {
  id: string;
  name: string;
  criteria: readonly {
    id: string;
    name: string;
    levels: readonly { id: string; label: string; disqualifies?: string }[];
  }[];
  rule: { describe: string; exit?: string };
  gates?: Partial<Record<StageGate, readonly string[]>>;
}

/** Ordinary levels strongest first, then the red flags, so a picklist reads from best to worst. */
function strongestFirst(levels: FrameworkLike['criteria'][number]['levels']): LevelOption[] {
  const option = (l: { id: string; label: string }) => ({ value: l.id, label: l.label });
  const ordinary = levels.filter((l) => l.disqualifies === undefined).map(option);
  const flags = levels.filter((l) => l.disqualifies !== undefined).map(option);
  return [...ordinary.reverse(), ...flags];
}

/**
 * Summarises a qualification framework: its criteria with every level it records (strongest first), its
 * qualify rule as the Qualified exit criterion, and its gates restricted to the criteria it has.
 */
export function summaryFromFramework(framework: FrameworkLike): FrameworkSummary {
  const ids = new Set(framework.criteria.map((c) => c.id));
  const gates = Object.fromEntries(
    Object.entries(framework.gates ?? {}).map(([gate, list]) => [
      gate,
      (list ?? []).filter((id) => ids.has(id)),
    ]),
  );
  const rule = framework.rule.describe;
  return {
    id: framework.id,
    name: framework.name,
    criteria: framework.criteria.map((c) => ({ id: c.id, name: c.name, levels: strongestFirst(c.levels) })),
    qualifies: framework.rule.exit ?? `${framework.name} ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`,
    gates,
  };
}

/** The summaries of the built-in frameworks, derived from the rubrics the scorecard uses. */
export const FRAMEWORK_SUMMARIES = Object.fromEntries(
  FRAMEWORKS.map((f) => [f.id, summaryFromFramework(f)]),
) as Record<FrameworkId, FrameworkSummary>;

/** Resolves a framework id to its summary; a summary passed in is returned as it is. */
export function frameworkSummary(framework: FrameworkId | FrameworkSummary): FrameworkSummary {
  if (typeof framework !== 'string') return framework;
  const summary = FRAMEWORK_SUMMARIES[framework];
  if (summary === undefined) {
    throw new InputError(`Unknown framework "${String(framework)}": use one of ${FRAMEWORK_IDS.join(', ')}.`);
  }
  return summary;
}
