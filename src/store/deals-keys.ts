import type { DealStatus } from '../engines/deal.js';
import type { Keys } from './keys.js';

export const DEAL_STATUSES: readonly DealStatus[] = ['open', 'won', 'lost'];

/** The keys that hold one team's deals: live, or staged under one import id. */
export interface DealKeySet {
  /** Hash of packed chunks (`c:<n>` → a block of `packDeals`) and counts per status (`n:<status>`). */
  deals: string;
  /** Sets of deal ids per status that earlier versions kept beside a hash of deal JSON; deleted on the next import. */
  legacyStatus: Record<DealStatus, string>;
}

/** Field of the deals hash holding chunk `n`. */
export const chunkField = (n: number) => `c:${String(n).padStart(6, '0')}`;
/** Field of the deals hash counting the deals of one status. */
export const countField = (status: DealStatus) => `n:${status}`;

function keySet(build: (...parts: string[]) => string): DealKeySet {
  return {
    deals: build(),
    legacyStatus: {
      open: build('status', 'open'),
      won: build('status', 'won'),
      lost: build('status', 'lost'),
    },
  };
}

const IMPORT_ID = /^[a-f0-9]{16,64}$/;
const PREVIEW_ID = /^[a-f0-9]{16,64}$/;

/** Key names of the deals store: `so:{T}:deals…` live, `so:{T}:import:<importId>:deals…` while staging. */
export function dealKeys(keys: Keys, teamId: string) {
  return {
    live: keySet((...parts) => keys.deals(teamId, ...parts)),
    /** The last import's metadata (source, rows, accepted, rejected, when, by whom). */
    meta: keys.deals(teamId, 'meta'),
    /** The pipeline stages of the last import, in order, so metrics know the stage order. */
    stages: keys.deals(teamId, 'stages'),
    staging: (importId: string): DealKeySet => {
      if (!IMPORT_ID.test(importId)) throw new Error(`import id "${importId}" was not made by this store`);
      return keySet((...parts) => keys.imports(teamId, importId, 'deals', ...parts));
    },
    /** A file waiting for its Import button, by preview id. */
    preview: (previewId: string) => {
      if (!PREVIEW_ID.test(previewId))
        throw new Error(`preview id "${previewId}" was not made by this store`);
      return keys.imports(teamId, 'pending', previewId);
    },
  };
}

/** Every key of a key set, hash first. */
export function allKeys(set: DealKeySet): string[] {
  return [set.deals, ...DEAL_STATUSES.map((s) => set.legacyStatus[s])];
}
