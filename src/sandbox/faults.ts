import type { Fault } from './types.js';

/** Faults queued per method, each spent by the next call of that method. */
export class FaultQueue {
  private queued = new Map<string, Fault[]>();

  /** Queues a fault behind any already queued for the method. */
  add(method: string, fault: Fault): void {
    const list = this.queued.get(method) ?? [];
    list.push(fault);
    this.queued.set(method, list);
  }

  /** Takes the next fault for a method, if any. */
  take(method: string): Fault | undefined {
    const list = this.queued.get(method);
    const fault = list?.shift();
    if (list && list.length === 0) this.queued.delete(method);
    return fault;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queued.clear();
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
