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
  private hashes = new Int32Array(PIECE);
  /** Index + 1 of the id in each slot; 0 is an empty slot. */
  private slots = new Int32Array(4 * PIECE);
  private count = 0;

  /** The row where `id` first appeared, or undefined when it is new, and then `row` is recorded for it. */
  seen(id: string, row: number): number | undefined {
    const hash = hashOf(id);
    let mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let entry = this.slots[slot] ?? 0; entry !== 0; entry = this.slots[slot] ?? 0) {
      const index = entry - 1;
      if (this.hashes[index] === hash && this.matches(index, id)) return this.rows[index];
      slot = (slot + 1) & mask;
    }
    if ((this.count + 1) * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
      mask = this.slots.length - 1;
      slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    this.add(id, hash, row);
    this.slots[slot] = this.count;
    return undefined;
  }

  private add(id: string, hash: number, row: number): void {
    const index = this.count;
    if (index === this.ends.length) {
      this.ends = grown(this.ends, index * 2);
      this.rows = grown(this.rows, index * 2);
      this.hashes = grown(this.hashes, index * 2);
    }
    const start = index % PIECE === 0 ? 0 : (this.ends[index - 1] ?? 0);
    this.ends[index] = start + id.length;
    this.rows[index] = row;
    this.hashes[index] = hash;
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

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let index = 0; index < this.count; index++) {
      let slot = (this.hashes[index] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }
}
