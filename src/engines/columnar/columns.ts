import type { Deal, DealStatus } from '../deal.js';
import { isoMillis } from '../pipeline/dates.js';

/** Status codes of the `status` column. */
export const STATUS_CODES: readonly DealStatus[] = ['open', 'won', 'lost'];
const STATUS_CODE: Record<DealStatus, number> = { open: 0, won: 1, lost: 2 };

/** Code of a missing text value in a dictionary-encoded column. */
export const NONE = -1;

/** Strings replaced by small integer codes, in order of first appearance. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The code of `value`, adding it when new; NONE for undefined. */
  code(value: string | undefined): number {
    if (value === undefined) return NONE;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of `value` without adding it; NONE when it is not in the dictionary. */
  find(value: string): number {
    return this.codes.get(value) ?? NONE;
  }

  /** The value of a code, undefined for NONE. */
  value(code: number): string | undefined {
    return code === NONE ? undefined : this.values[code];
  }
}

/**
 * Deals as typed columns, each deal parsed once: dates are epoch milliseconds (NaN when missing or unreadable, so
 * durations come out exactly as the row-wise metrics compute them), amounts Float64 (NaN when missing), statuses
 * and stages small codes, owners, accounts, products and sources dictionary codes. Stage history is a flat list
 * with each deal's entries from `historyStart[i]` to `historyStart[i + 1]`.
 */
export interface DealColumns {
  length: number;
  ids: IdColumn;
  /** Stage names of current stages and history entries, in order of first appearance. */
  stageNames: Dictionary;
  owners: Dictionary;
  accounts: Dictionary;
  products: Dictionary;
  sources: Dictionary;
  stage: Uint16Array;
  status: Uint8Array;
  amount: Float64Array;
  owner: Int32Array;
  account: Int32Array;
  product: Int32Array;
  source: Int32Array;
  created: Float64Array;
  /** 1 when the deal has a creation date, even an unreadable one. */
  hasCreated: Uint8Array;
  closed: Float64Array;
  expectedClose: Float64Array;
  /** Where the cycle starts: creation, else the first history entry in text order (as the row-wise cycle reads it). */
  cycleStart: Float64Array;
  historyStart: Int32Array;
  historyStage: Uint16Array;
  historyAt: Float64Array;
}

type NumberArray = Float64Array | Int32Array | Uint16Array | Uint8Array;

/** `array` copied into a new array of the same type and `size` elements. */
function resized<T extends NumberArray>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}

const millis = (iso: string | undefined) => isoMillis(iso) ?? Number.NaN;

/**
 * Deal ids, kept as one string per appended batch with each id's end in it, so a million ids are a few thousand
 * strings rather than a million (less memory, and far less for the garbage collector to walk).
 */
export class IdColumn {
  private readonly texts: string[] = [];
  private batch = new Int32Array(1024);
  private end = new Int32Array(1024);
  length = 0;

  /** Adds the ids of one batch, in order. */
  append(ids: readonly string[]): void {
    const need = this.length + ids.length;
    let size = this.batch.length;
    if (need > size) {
      while (size < need) size *= 2;
      this.batch = resized(this.batch, size);
      this.end = resized(this.end, size);
    }
    const code = this.texts.length;
    this.texts.push(ids.join(''));
    let at = 0;
    for (const id of ids) {
      at += id.length;
      this.batch[this.length] = code;
      this.end[this.length] = at;
      this.length += 1;
    }
  }

  /** The id of deal `i`; '' past the end. */
  get(i: number): string {
    if (i < 0 || i >= this.length) return '';
    const code = this.batch[i] ?? 0;
    const start = i > 0 && this.batch[i - 1] === code ? (this.end[i - 1] ?? 0) : 0;
    return this.texts[code]?.slice(start, this.end[i]) ?? '';
  }
}

/**
 * Builds columns from deals appended batch by batch, so the row objects can be dropped as they arrive. The
 * columns are typed arrays that double when full; each batch makes room first, then writes every value straight
 * into its column.
 */
export class DealColumnsBuilder {
  private length = 0;
  private historyLength = 0;
  private readonly ids = new IdColumn();
  private readonly dictionaries = {
    stageNames: new Dictionary(),
    owners: new Dictionary(),
    accounts: new Dictionary(),
    products: new Dictionary(),
    sources: new Dictionary(),
  };
  private stage = new Uint16Array(1024);
  private status = new Uint8Array(1024);
  private amount = new Float64Array(1024);
  private owner = new Int32Array(1024);
  private account = new Int32Array(1024);
  private product = new Int32Array(1024);
  private source = new Int32Array(1024);
  private created = new Float64Array(1024);
  private hasCreated = new Uint8Array(1024);
  private closed = new Float64Array(1024);
  private expectedClose = new Float64Array(1024);
  private cycleStart = new Float64Array(1024);
  private historyStart = new Int32Array(1025);
  private historyStage = new Uint16Array(1024);
  private historyAt = new Float64Array(1024);

  /** Makes room for `rows` more deals. */
  private reserve(rows: number): void {
    const need = this.length + rows;
    let size = this.stage.length;
    if (need <= size) return;
    while (size < need) size *= 2;
    this.resize(size);
  }

  /** Moves every column into arrays of `size` deals. */
  private resize(size: number): void {
    this.stage = resized(this.stage, size);
    this.status = resized(this.status, size);
    this.amount = resized(this.amount, size);
    this.owner = resized(this.owner, size);
    this.account = resized(this.account, size);
    this.product = resized(this.product, size);
    this.source = resized(this.source, size);
    this.created = resized(this.created, size);
    this.hasCreated = resized(this.hasCreated, size);
    this.closed = resized(this.closed, size);
    this.expectedClose = resized(this.expectedClose, size);
    this.cycleStart = resized(this.cycleStart, size);
    this.historyStart = resized(this.historyStart, size + 1);
  }

  /**
   * Sizes the columns for `rows` deals in all, when the caller knows or can estimate how many will come, so they
   * are not copied while they grow. Room never written costs no memory: the system maps pages on first write.
   */
  expect(rows: number): this {
    if (rows > this.stage.length) this.resize(Math.ceil(rows));
    return this;
  }

  /** Makes room for `entries` more history entries. */
  private reserveHistory(entries: number): void {
    const need = this.historyLength + entries;
    let size = this.historyStage.length;
    if (need <= size) return;
    while (size < need) size *= 2;
    this.historyStage = resized(this.historyStage, size);
    this.historyAt = resized(this.historyAt, size);
  }

  /** Adds deals in order. */
  append(deals: Iterable<Deal>): this {
    const list: readonly Deal[] = Array.isArray(deals) ? deals : [...deals];
    const { stageNames, owners, accounts, products, sources } = this.dictionaries;
    this.reserve(list.length);
    const { stage, status, amount, owner, account, product, source, created, hasCreated } = this;
    const { closed, expectedClose, cycleStart, historyStart } = this;
    this.ids.append(list.map((deal) => deal.id));
    let i = this.length;
    for (const deal of list) {
      stage[i] = stageNames.code(deal.stage);
      status[i] = STATUS_CODE[deal.status];
      amount[i] = deal.amount ?? Number.NaN;
      owner[i] = owners.code(deal.owner);
      account[i] = accounts.code(deal.account);
      product[i] = products.code(deal.product);
      source[i] = sources.code(deal.source);
      created[i] = millis(deal.createdAt);
      hasCreated[i] = deal.createdAt === undefined ? 0 : 1;
      closed[i] = millis(deal.closedAt);
      expectedClose[i] = millis(deal.expectedCloseDate);
      const history = deal.history;
      this.reserveHistory(history.length);
      const { historyStage, historyAt } = this;
      let h = this.historyLength;
      // The first entry in text order, and its time (each date is read once).
      let first: string | undefined;
      let firstAt = Number.NaN;
      for (const entry of history) {
        historyStage[h] = stageNames.code(entry.stage);
        const at = millis(entry.enteredAt);
        historyAt[h] = at;
        h += 1;
        if (first === undefined || entry.enteredAt < first) {
          first = entry.enteredAt;
          firstAt = at;
        }
      }
      this.historyLength = h;
      cycleStart[i] = deal.createdAt === undefined ? firstAt : (created[i] ?? Number.NaN);
      i += 1;
      historyStart[i] = h;
    }
    this.length = i;
    return this;
  }

  /** The columns of every deal appended so far. */
  finish(): DealColumns {
    const rows = this.length;
    const entries = this.historyLength;
    return {
      length: rows,
      ids: this.ids,
      ...this.dictionaries,
      stage: this.stage.subarray(0, rows),
      status: this.status.subarray(0, rows),
      amount: this.amount.subarray(0, rows),
      owner: this.owner.subarray(0, rows),
      account: this.account.subarray(0, rows),
      product: this.product.subarray(0, rows),
      source: this.source.subarray(0, rows),
      created: this.created.subarray(0, rows),
      hasCreated: this.hasCreated.subarray(0, rows),
      closed: this.closed.subarray(0, rows),
      expectedClose: this.expectedClose.subarray(0, rows),
      cycleStart: this.cycleStart.subarray(0, rows),
      historyStart: this.historyStart.subarray(0, rows + 1),
      historyStage: this.historyStage.subarray(0, entries),
      historyAt: this.historyAt.subarray(0, entries),
    };
  }
}

/** Deals as columns. */
export function toColumns(deals: Iterable<Deal>): DealColumns {
  return new DealColumnsBuilder().append(deals).finish();
}
