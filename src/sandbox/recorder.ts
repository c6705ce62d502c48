import type { RecordedCall } from './types.js';

type Waiter = { method: string; predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void };

/** Every Web API call in arrival order, with a way to wait for one that has not happened yet. */
export class CallLog {
  private entries: RecordedCall[] = [];
  private waiters = new Set<Waiter>();

  /** Stores a call and wakes whoever waits for it. */
  record(call: RecordedCall): void {
    this.entries.push(call);
    for (const waiter of this.waiters) {
      if (waiter.method === call.method && waiter.predicate(call)) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  /** All calls, or the calls of one method, oldest first. */
  list(method?: string): RecordedCall[] {
    return method === undefined ? [...this.entries] : this.entries.filter((c) => c.method === method);
  }

  /** The first call of `method` matching `predicate`, already made or made within `timeoutMs`. */
  wait(method: string, predicate: (c: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall> {
    const made = this.entries.find((c) => c.method === method && predicate(c));
    if (made) return Promise.resolve(made);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.list(method).length;
        reject(new Error(`No matching ${method} call within ${timeoutMs} ms (${seen} ${method} calls seen)`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Forgets all calls; pending waits keep waiting for new ones. */
  clear(): void {
    this.entries = [];
  }
}
