import type { RawIntake } from '../../engines/intake.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';

/** The intake as far as it has been filled in, saved between steps and when the modal closes. */
export type IntakeDraft = Partial<RawIntake>;

/** Where each modal field lives in the intake (`intakeSchema` in src/engines/intake.ts). */
export const FIELD_PATHS: Record<IntakeField, readonly string[]> = {
  business: ['business'],
  model: ['model'],
  dealSize: ['deal', 'averageSize'],
  segment: ['deal', 'segment'],
  motion: ['deal', 'motion'],
  timezone: ['timezone'],
  industries: ['icp', 'industries'],
  sizeMin: ['icp', 'companySize', 'min'],
  sizeMax: ['icp', 'companySize', 'max'],
  revenueMin: ['icp', 'annualRevenue', 'min'],
  revenueMax: ['icp', 'annualRevenue', 'max'],
  geography: ['icp', 'geography'],
  painPoints: ['icp', 'painPoints'],
  buyingTriggers: ['icp', 'buyingTriggers'],
  leadSources: ['leadSources'],
  cycleDays: ['cycle', 'averageDays'],
  cvrCurrent: ['conversion', 'current'],
  cvrTarget: ['conversion', 'target'],
  mqlToSqlCurrent: ['metrics', 'mqlToSql', 'current'],
  mqlToSqlTarget: ['metrics', 'mqlToSql', 'target'],
  sqlToOppCurrent: ['metrics', 'sqlToOpp', 'current'],
  sqlToOppTarget: ['metrics', 'sqlToOpp', 'target'],
  closeRateCurrent: ['metrics', 'closeRate', 'current'],
  closeRateTarget: ['metrics', 'closeRate', 'target'],
  quarterlyQuota: ['team', 'quarterlyQuota'],
  framework: ['framework'],
};

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a step's parsed values (keyed by block id) into a draft patch. A field that was left empty is set to
 * `undefined`, which `mergeStep` reads as "clear it"; a field absent from `data` is left alone.
 */
export function patchFrom(data: Record<string, unknown>, fields: readonly IntakeField[]): IntakeDraft {
  const patch: Tree = {};
  for (const field of fields) {
    const blockId = BLOCK_IDS[field];
    if (!(blockId in data)) continue;
    const path = FIELD_PATHS[field];
    let node = patch;
    path.slice(0, -1).forEach((key) => {
      const next = isTree(node[key]) ? node[key] : {};
      node[key] = next;
      node = next;
    });
    const leaf = path[path.length - 1];
    if (leaf !== undefined) node[leaf] = data[blockId];
  }
  // The paths above mirror intakeSchema (a test walks them); validateCompleteIntake re-checks the whole draft.
  return patch as IntakeDraft;
}

function merge(base: Tree, patch: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else if (isTree(value)) out[key] = merge(isTree(out[key]) ? out[key] : {}, value);
    else out[key] = value;
  }
  for (const [key, value] of Object.entries(out)) {
    if (isTree(value) && Object.keys(value).length === 0) delete out[key];
  }
  return out;
}

/**
 * Merges one step's data into the draft: nested objects merge, lists and values replace, `undefined` clears,
 * and objects left empty are dropped (so clearing both ends of a range removes the range).
 */
export function mergeStep(draft: IntakeDraft, stepData: IntakeDraft): IntakeDraft {
  // Both sides are intake-shaped, and merging intake-shaped trees gives an intake-shaped tree.
  return merge(draft, stepData) as IntakeDraft;
}

/** The field a path of the intake belongs to (`['icp', 'companySize', 'max']` → `sizeMax`), if the modal has one. */
export function fieldForPath(path: readonly PropertyKey[]): IntakeField | undefined {
  const keys = path.map(String);
  let best: { field: IntakeField; depth: number } | undefined;
  for (const [field, fieldPath] of Object.entries(FIELD_PATHS) as [IntakeField, readonly string[]][]) {
    const depth = Math.min(fieldPath.length, keys.length);
    const same = fieldPath.slice(0, depth).every((key, i) => key === keys[i]);
    if (same && depth > 0 && (best === undefined || depth > best.depth)) best = { field, depth };
  }
  return best?.field;
}
