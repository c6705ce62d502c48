import { boundedQueue } from '../bounded-queue.js';

/** Commands run after their ack at most this many at a time. */
export const AFTER_ACK_CONCURRENCY = 4;

/** While requests wait for their ack, queued work still starts one at a time this often, so it never stalls. */
export const MAX_HOLD_MS = 1000;

/**
 * Held work resumes once no request has waited for its ack for this long. Under a burst the count of
 * requests waiting touches zero between one ack and the next request's arrival many times a second; work
 * started in such a gap fills the event loop just as the next requests come in.
 */
export const QUIET_MS = 5;

/** Runs the work that follows an ack, a few at a time, and none while other requests wait for their ack. */
export interface AfterAck {
  run(work: () => Promise<void>): Promise<void>;
  /** Notes a request that has arrived and waits for its ack; call the function returned once it is answered. */
  awaitingAck(): () => void;
  /** Resolves once every queued work has run. */
  idle(): Promise<void>;
}

export interface AfterAckOptions {
  concurrency?: number;
  maxHoldMs?: number;
  quietMs?: number;
}

/**
 * The in-process queue commands run in after their ack. Without it every acked request starts its work at
 * once and that work fills the event loop, so the acks of the requests behind it wait. So the work waits
 * while any request is still waiting for its ack (acks take microseconds of the event loop, the work
 * milliseconds), except that one piece starts every `maxHoldMs` under sustained load; once no request has
 * waited for `quietMs`, it runs `concurrency` at a time. Replies go through response_url, which stays valid
 * for 30 minutes.
 */
export function createAfterAck(options: AfterAckOptions = {}): AfterAck {
  const maxHoldMs = options.maxHoldMs ?? MAX_HOLD_MS;
  const quietMs = options.quietMs ?? QUIET_MS;
  const queue = boundedQueue(options.concurrency ?? AFTER_ACK_CONCURRENCY);
  let waiting = 0;
  let release: NodeJS.Timeout | undefined;
  /** When the count of requests waiting last fell to zero, and the timer that resumes work after the quiet. */
  let lastAnswered = 0;
  let quiet: NodeJS.Timeout | undefined;

  const resume = () => {
    quiet = undefined;
    if (waiting > 0) return;
    const left = lastAnswered + quietMs - Date.now();
    if (left > 0) {
      quiet = setTimeout(resume, left).unref();
      return;
    }
    clearTimeout(release);
    release = undefined;
    queue.start();
  };

  const hold = () => {
    queue.pause();
    release ??= setTimeout(() => {
      release = undefined;
      // Lets exactly one piece start: the 'active' listener below pauses again as it starts.
      if (waiting > 0 && queue.size > 0) queue.start();
    }, maxHoldMs).unref();
  };
  queue.on('active', () => {
    if (waiting > 0) hold();
  });

  return {
    run(work) {
      if (waiting > 0) hold();
      return queue.add(work);
    },
    awaitingAck() {
      waiting++;
      if (waiting === 1) hold();
      let answered = false;
      return () => {
        if (answered) return;
        answered = true;
        waiting--;
        if (waiting > 0) return;
        lastAnswered = Date.now();
        // One timer at a time: it looks at lastAnswered when it fires, and waits again if need be.
        if (quiet === undefined) quiet = setTimeout(resume, quietMs).unref();
      };
    },
    idle: () => queue.onIdle(),
  };
}
