/** Options of a progress updater: how often it may update, and how. */
export interface ProgressOptions {
  /** Least time between two updates; chat.update is rate limited per workspace (Tier 3, about 50 a minute). */
  minIntervalMs: number;
  /** Least rows read between two updates. */
  minRows: number;
  now: () => number;
  update: (rows: number) => Promise<void>;
  onError: (error: unknown) => void;
}

/** Turns many progress callbacks into a few message updates; `stop` waits for the one in flight. */
export interface ProgressUpdater {
  report(rows: number): void;
  /** Stops updating and waits for an update in flight, so it cannot land after the final message. */
  stop(): Promise<void>;
}

/**
 * Updates at most once per `minIntervalMs` and per `minRows`, never two at once: a report that comes while an
 * update is in flight is dropped, since a newer one follows.
 */
export function createProgressUpdater(options: ProgressOptions): ProgressUpdater {
  let lastAt = options.now();
  let lastRows = 0;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  return {
    report(rows) {
      if (stopped || inFlight !== undefined) return;
      const at = options.now();
      if (at - lastAt < options.minIntervalMs || rows - lastRows < options.minRows) return;
      lastAt = at;
      lastRows = rows;
      inFlight = options
        .update(rows)
        .catch(options.onError)
        .finally(() => {
          inFlight = undefined;
        });
    },
    async stop() {
      stopped = true;
      await inFlight;
    },
  };
}
