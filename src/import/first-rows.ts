/** How many ids are joined into one string. */
const PIECE = 1024;

/** FNV-1a over the UTF-16 code units of `text`. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/**
 * The row on which each id of an import first appeared, to reject a later row with the same id. A file can hold
 * millions of rows, so the ids are not kept as a Map of a million strings: they are joined into one string per
 * 1,024 ids, and found through an open-addressing table of typed arrays, which the garbage collector never walks.
 */
export class FirstRows {
  private readonly pieces: string[] = [];
  private pending: string[] = [];
  private ends = new Int32Array(PIECE);
  private rows = new Int32Array(PIECE);
  /**
   * Two numbers per slot: index + 1 of the id (0 is an empty slot) and the id's hash, side by side so that a
   * probe reads one cache line; with a million ids the table is far larger than the processor's caches.
   */
  private slots: Int32Array;
  private count = 0;
  /** Sum of the slots `warm` read, kept only so that the reads are not optimised away. */
  private warmed = 0;
  /** The slots `warm` reads, reused from batch to batch. */
  private hashes = new Int32Array(0);

  /** `expected` is about how many ids will come, when known, so the table is sized once rather than regrown. */
  constructor(expected = 0) {
    let slotCount = 4 * PIECE;
    while (slotCount < 2 * expected) slotCount *= 2;
    this.slots = new Int32Array(2 * slotCount);
    if (expected > PIECE) {
      this.ends = new Int32Array(expected);
      this.rows = new Int32Array(expected);
    }
  }

  /**
   * Reads the slots where `ids` from `start` up to `end` will be looked up first, so that their memory is in the processor's cache when
   * `seen` asks for them one by one. The hashes come first, so the reads follow each other closely and the
   * processor fetches many at once rather than waiting for memory on each row in turn.
   */
  warm(ids: readonly string[], start: number, end: number): void {
    const count = Math.min(end, ids.length) - start;
    if (this.hashes.length < count) this.hashes = new Int32Array(count);
    const { hashes, slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < count; i++) hashes[i] = hashOf(ids[start + i] ?? '') & mask;
    let warmed = this.warmed;
    for (let i = 0; i < count; i++) warmed ^= slots[2 * (hashes[i] ?? 0)] ?? 0;
    this.warmed = warmed;
  }

  /** The row where `id` first appeared, or undefined when it is new, and then `row` is recorded for it. */
  seen(id: string, row: number): number | undefined {
    const hash = hashOf(id);
    let mask = (this.slots.length >> 1) - 1;
    let slot = hash & mask;
    const slots = this.slots;
    for (let entry = slots[2 * slot] ?? 0; entry !== 0; entry = slots[2 * slot] ?? 0) {
      if (slots[2 * slot + 1] === hash && this.matches(entry - 1, id)) return this.rows[entry - 1];
      slot = (slot + 1) & mask;
    }
    if ((this.count + 1) * 4 > this.slots.length) {
      this.rehash(this.slots.length);
      mask = (this.slots.length >> 1) - 1;
      slot = hash & mask;
      while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    }
    this.add(id, row);
    this.slots[2 * slot] = this.count;
    this.slots[2 * slot + 1] = hash;
    return undefined;
  }

  private add(id: string, row: number): void {
    const index = this.count;
    if (index === this.ends.length) {
      this.ends = grown(this.ends, index * 2);
      this.rows = grown(this.rows, index * 2);
    }
    const start = index % PIECE === 0 ? 0 : (this.ends[index - 1] ?? 0);
    this.ends[index] = start + id.length;
    this.rows[index] = row;
    this.pending.push(id);
    this.count += 1;
    if (this.pending.length === PIECE) {
      this.pieces.push(this.pending.join(''));
      this.pending = [];
    }
  }

  private matches(index: number, id: string): boolean {
    const piece = Math.floor(index / PIECE);
    if (piece === this.pieces.length) return this.pending[index % PIECE] === id;
    const start = index % PIECE === 0 ? 0 : (this.ends[index - 1] ?? 0);
    const end = this.ends[index] ?? 0;
    return end - start === id.length && (this.pieces[piece] ?? '').startsWith(id, start);
  }

  /** Moves every id into a table of `slotCount` slots. */
  private rehash(slotCount: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * slotCount);
    const mask = slotCount - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at] ?? 0;
      if (entry === 0) continue;
      const hash = old[at + 1] ?? 0;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}
