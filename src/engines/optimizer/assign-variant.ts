export type Variant = 'a' | 'b';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const encoder = new TextEncoder();

/**
 * 32-bit FNV-1a over the UTF-8 bytes of a string, as an unsigned integer. Written here rather than taken
 * from a package because it is a few lines, and because assignments must stay the same forever: a
 * dependency that changed its hash would silently move leads between variants mid-test.
 */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over every output bit. */
function avalanche(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The variant a lead gets at a step, the same on every call and every machine: FNV-1a of
 * `stepKey:leadId`, avalanched, split on the top bit. Raw FNV-1a splits ids like lead-1, lead-2… unevenly
 * (its low bit is only the parity of the bytes, its top bit leans ~47/53), hence the finaliser.
 */
export function assignVariant(leadId: string, stepKey: string): Variant {
  return avalanche(fnv1a32(`${stepKey}:${leadId}`)) >>> 31 === 0 ? 'a' : 'b';
}
