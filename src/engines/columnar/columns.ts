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
  ids: string[];
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

class Grow<T extends Float64Array | Int32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const u16 = (n: number) => new Uint16Array(n);
const u8 = (n: number) => new Uint8Array(n);
const millis = (iso: string | undefined) => isoMillis(iso) ?? Number.NaN;

/** Builds columns from deals appended batch by batch, so the row objects can be dropped as they arrive. */
export class DealColumnsBuilder {
  private readonly ids: string[] = [];
  private readonly dictionaries = {
    stageNames: new Dictionary(),
    owners: new Dictionary(),
    accounts: new Dictionary(),
    products: new Dictionary(),
    sources: new Dictionary(),
  };
  private readonly stage = new Grow(u16(1024), u16);
  private readonly status = new Grow(u8(1024), u8);
  private readonly amount = new Grow(f64(1024), f64);
  private readonly owner = new Grow(i32(1024), i32);
  private readonly account = new Grow(i32(1024), i32);
  private readonly product = new Grow(i32(1024), i32);
  private readonly source = new Grow(i32(1024), i32);
  private readonly created = new Grow(f64(1024), f64);
  private readonly hasCreated = new Grow(u8(1024), u8);
  private readonly closed = new Grow(f64(1024), f64);
  private readonly expectedClose = new Grow(f64(1024), f64);
  private readonly cycleStart = new Grow(f64(1024), f64);
  private readonly historyStart = new Grow(i32(1024), i32);
  private readonly historyStage = new Grow(u16(1024), u16);
  private readonly historyAt = new Grow(f64(1024), f64);

  constructor() {
    this.historyStart.push(0);
  }

  /** Adds deals in order. */
  append(deals: Iterable<Deal>): this {
    const { stageNames, owners, accounts, products, sources } = this.dictionaries;
    for (const deal of deals) {
      this.ids.push(deal.id);
      this.stage.push(stageNames.code(deal.stage));
      this.status.push(STATUS_CODE[deal.status]);
      this.amount.push(deal.amount ?? Number.NaN);
      this.owner.push(owners.code(deal.owner));
      this.account.push(accounts.code(deal.account));
      this.product.push(products.code(deal.product));
      this.source.push(sources.code(deal.source));
      this.created.push(millis(deal.createdAt));
      this.hasCreated.push(deal.createdAt === undefined ? 0 : 1);
      this.closed.push(millis(deal.closedAt));
      this.expectedClose.push(millis(deal.expectedCloseDate));
      let first: string | undefined;
      for (const entry of deal.history) {
        this.historyStage.push(stageNames.code(entry.stage));
        this.historyAt.push(millis(entry.enteredAt));
        if (first === undefined || entry.enteredAt < first) first = entry.enteredAt;
      }
      this.cycleStart.push(millis(deal.createdAt ?? first));
      this.historyStart.push(this.historyStage.length);
    }
    return this;
  }

  /** The columns of every deal appended so far. */
  finish(): DealColumns {
    return {
      length: this.ids.length,
      ids: this.ids,
      ...this.dictionaries,
      stage: this.stage.done(),
      status: this.status.done(),
      amount: this.amount.done(),
      owner: this.owner.done(),
      account: this.account.done(),
      product: this.product.done(),
      source: this.source.done(),
      created: this.created.done(),
      hasCreated: this.hasCreated.done(),
      closed: this.closed.done(),
      expectedClose: this.expectedClose.done(),
      cycleStart: this.cycleStart.done(),
      historyStart: this.historyStart.done(),
      historyStage: this.historyStage.done(),
      historyAt: this.historyAt.done(),
    };
  }
}

/** Deals as columns. */
export function toColumns(deals: Iterable<Deal>): DealColumns {
  return new DealColumnsBuilder().append(deals).finish();
}
