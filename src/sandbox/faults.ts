import { createHash } from 'node:crypto';
import type { Fault, FaultRates } from './types.js';

/**
 * A repeatable stream of numbers in [0, 1) from a seed: the n-th is read from SHA-256 of `seed:n`, so a fault
 * run with the same seed meets the same faults in the same order of calls.
 */
export function seededRandom(seed: string): () => number {
  let n = 0;
  return () => {
    n += 1;
    return createHash('sha256').update(`${seed}:${n}`).digest().readUInt32BE(0) / 2 ** 32;
  };
}

/**
 * Faults queued per method, each spent by the next call of that method; and random faults drawn per call
 * at the rates set for a method, for the fault suite.
 */
export class FaultQueue {
  private queued = new Map<string, Fault[]>();
  private rates = new Map<string, FaultRates>();

  /** `random` draws the random faults: Math.random, or `seededRandom(seed)` for a repeatable run. */
  constructor(private readonly random: () => number = Math.random) {}

  /** Makes every later call of the method meet a fault at these rates (an empty object stops it). */
  setRates(method: string, rates: FaultRates): void {
    this.rates.set(method, rates);
  }

  /** Queues a fault behind any already queued for the method. */
  add(method: string, fault: Fault): void {
    const list = this.queued.get(method) ?? [];
    list.push(fault);
    this.queued.set(method, list);
  }

  /** Takes the next fault for a method, if any. */
  take(method: string, random: () => number = this.random): Fault | undefined {
    const list = this.queued.get(method);
    const fault = list?.shift();
    if (list && list.length === 0) this.queued.delete(method);
    return fault ?? this.draw(method, random);
  }

  private draw(method: string, random: () => number): Fault | undefined {
    const rates = this.rates.get(method);
    if (!rates) return undefined;
    let roll = random();
    const chances: [number | undefined, Fault][] = [
      [rates.rateLimit, { status: 429, retryAfter: rates.retryAfter ?? 1 }],
      [rates.lose, { after: 'lose' }],
      [rates.unavailable, { after: 'status', status: 503 }],
    ];
    for (const [chance, fault] of chances) {
      if (chance && roll < chance) return fault;
      roll -= chance ?? 0;
    }
    return undefined;
  }

  /** Drops every queued fault and every rate. */
  clear(): void {
    this.queued.clear();
    this.rates.clear();
  }
}

/** Slack's chat.postMessage pace: about one message per second per channel. */
export class ChannelPace {
  enabled: boolean;
  private lastPost = new Map<string, number>();

  constructor(
    enabled: boolean,
    private readonly intervalMs = 1000,
  ) {
    this.enabled = enabled;
  }

  /** Seconds the caller must wait before posting to the channel, or 0 when it may post now. */
  retryAfter(channel: string, nowMs: number): number {
    if (!this.enabled) return 0;
    const last = this.lastPost.get(channel);
    if (last === undefined || nowMs - last >= this.intervalMs) return 0;
    return Math.max(1, Math.ceil((this.intervalMs - (nowMs - last)) / 1000));
  }

  /** Notes a post that went through. */
  posted(channel: string, nowMs: number): void {
    this.lastPost.set(channel, nowMs);
  }

  /** Forgets past posts. */
  clear(): void {
    this.lastPost.clear();
  }
}
