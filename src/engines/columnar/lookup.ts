import type { StageDef } from '../pipeline/index.js';
import type { DealColumns } from './columns.js';

/** Outcome codes, as the status column stores them. */
export const OPEN = 0;
export const WON = 1;
export const LOST = 2;
const KIND_CODE = { open: OPEN, won: WON, lost: LOST } as const;

/** How the stage list reads each stage name of the columns. */
export interface StageLookup {
  /** Per stage-name key: the stage's kind code when the name is a won or lost stage, else OPEN. */
  kind: Int8Array;
  /** Per key: position among the open stages of the first open stage of that name, or -1. */
  openPos: Int32Array;
  /** Per outcome (WON, LOST) and key: index in `stages` of the stage of that name and kind, or -1. */
  closedIndex: [Int32Array, Int32Array];
  /** Per outcome (WON, LOST): index of the first stage of that kind, or -1. */
  firstOfKind: [number, number];
  /** Key of the first open stage's name (one past the dictionary when no deal uses that name). */
  firstOpenKey: number;
  openCount: number;
}

/** Looks every stage name of the columns up in `stages` once. */
export function stageLookup(stages: readonly StageDef[], columns: DealColumns): StageLookup {
  const names = columns.stageNames.values;
  const keys = names.length + 1;
  const openNames = stages.filter((s) => s.kind === 'open').map((s) => s.name);
  const firstOpen = openNames[0];
  const found = firstOpen === undefined ? -1 : columns.stageNames.find(firstOpen);
  const lookup: StageLookup = {
    kind: new Int8Array(keys),
    openPos: new Int32Array(keys).fill(-1),
    closedIndex: [new Int32Array(keys).fill(-1), new Int32Array(keys).fill(-1)],
    firstOfKind: [stages.findIndex((s) => s.kind === 'won'), stages.findIndex((s) => s.kind === 'lost')],
    firstOpenKey: found >= 0 ? found : names.length,
    openCount: openNames.length,
  };
  const nameOf = (key: number) => (key < names.length ? names[key] : firstOpen);
  for (let key = 0; key < keys; key++) {
    const name = nameOf(key);
    if (name === undefined) continue;
    const kind = stages.find((s) => s.name === name)?.kind;
    lookup.kind[key] = kind === undefined ? OPEN : KIND_CODE[kind];
    lookup.openPos[key] = openNames.indexOf(name);
    lookup.closedIndex[0][key] = stages.findIndex((s) => s.name === name && s.kind === 'won');
    lookup.closedIndex[1][key] = stages.findIndex((s) => s.name === name && s.kind === 'lost');
  }
  return lookup;
}
