import { PaceWaitError, RetryLaterError } from '../errors.js';
import type { AbSend, DeliveryLedger } from '../store/deliveries.js';
import type { DeliverySteps, Prepared } from './delivery-steps.js';
import type { ChannelPace } from './pace.js';
import { rateLimitWaitMs, settleFailedPost } from './post-errors.js';

/** Longest pace wait sat out in place; longer ones move the job back to the delayed set. */
const MAX_INLINE_WAIT_MS = 5_000;

/**
 * Longest pace wait a sender job sits out in place: a few hundred ms costs a worker slot less than going
 * through BullMQ's delayed set again, and keeps the post on time when Slack's answer moved its slot a little.
 * It covers a job that runs SENDER_LEAD_MS (250 ms) before its booked slot plus a slot moved by up to 350 ms,
 * as when the channel's last post went out late in a busy fan-out.
 */
const SHORT_WAIT_MS = 600;

export type DeliveryOutcome = 'posted' | 'already-posted' | 'found-after-crash';

/** What a delivery came to, and where the post is. */
export interface Delivered {
  status: DeliveryOutcome;
  channel: string;
  ts: string;
}

export interface DeliverOnceInput {
  ledger: DeliveryLedger;
  pace: ChannelPace;
  /** The pace and the ledger's steps around the post (prepare, record), one round trip each. */
  steps: DeliverySteps;
  teamId: string;
  channel: string;
  key: string;
  /** Looks for what an earlier run may have posted since `sinceMs` (ms). */
  find(sinceMs: number): Promise<{ channel: string; ts: string } | undefined>;
  /** Posts; returns where (for a file, `ts` is the file id). */
  send(): Promise<{ channel: string; ts: string }>;
  /** This run claimed the key itself moments ago, so nothing can have been posted under it yet. */
  claimedHere?: boolean;
  /** Test seam: runs after Slack accepted the post and before it is recorded; a throw here is a crash. */
  afterPost?: ((key: string) => Promise<void>) | undefined;
  /** A channel slot an earlier run of the same job reserved and still holds. */
  slotAt?: number | undefined;
  /**
   * Sit out a pace wait of up to 5 s in place (digests); false sits out only waits of a few hundred ms and
   * throws PaceWaitError for longer ones (sender jobs, which wait in BullMQ's delayed set instead).
   */
  waitInPlace?: boolean;
  /** The A/B send the post counts, recorded with it in one step. */
  ab?: AbSend | undefined;
  /**
   * Posts no earlier than this (ms since the epoch): the slot and the claim are taken first, so only the
   * post itself is left for that instant (a reminder prepared before it is due).
   */
  notBefore?: number | undefined;
}

/**
 * The delivery posted already, or claimed once the channel's slot is granted: a wait for the slot is sat
 * out in place when short, and otherwise thrown (PaceWaitError, RetryLaterError) to wait outside. With the
 * claim comes the instant to post at: a slot granted for a later instant (`notBefore`, or when the channel
 * is free again) was granted for that distance from when Redis ran the step, so the post waits the same
 * distance from Redis's reply and never goes out before the instant Redis recorded for it.
 */
async function slotAndClaim(
  input: DeliverOnceInput,
): Promise<Exclude<Prepared, { state: 'paced' }> & { postAt: number }> {
  const inPlaceMs = input.waitInPlace === false ? SHORT_WAIT_MS : MAX_INLINE_WAIT_MS;
  let heldSlot = input.slotAt;
  for (;;) {
    const step = await input.steps.prepare({
      teamId: input.teamId,
      channel: input.channel,
      key: input.key,
      nowMs: Date.now(),
      heldSlot,
      atMs: input.notBefore,
      aheadMs: inPlaceMs,
    });
    if (step.state === 'posted') return { ...step, postAt: Date.now() };
    if (step.state === 'claimed') return { ...step, postAt: Date.now() + step.postInMs };
    const { waitMs, slot } = step.reservation;
    if (waitMs > inPlaceMs) {
      if (input.waitInPlace === false) throw new PaceWaitError(waitMs, slot);
      throw new RetryLaterError(waitMs);
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    heldSlot = slot;
  }
}

/** Looks for an earlier run's post; a 429 while looking keeps the claim and asks to come back later. */
async function findEarlier(input: DeliverOnceInput, sinceMs: number) {
  try {
    return await input.find(sinceMs);
  } catch (error) {
    const waitMs = rateLimitWaitMs(error);
    if (waitMs === undefined) throw error;
    throw new RetryLaterError(waitMs);
  }
}

/**
 * The one exactly-once posting protocol, used by reminders (processors/post.ts) and digests: a posted record
 * means done; otherwise wait for the channel's pace, claim the delivery key, and if an earlier run claimed it
 * and never recorded the post, look for that post before posting again; record after posting. A failed post
 * is settled by the protocol's one rule book (post-errors.ts): a 429 throws RetryLaterError, a refusal
 * PostRefusedError, anything else (a timeout: posted or not?) keeps the claim so the next run looks first.
 * A 429 while looking throws RetryLaterError too, with the claim kept.
 */
export async function deliverOnce(input: DeliverOnceInput): Promise<Delivered> {
  const { ledger, teamId, key } = input;
  const claim = await slotAndClaim(input);
  if (claim.state === 'posted') return { status: 'already-posted', channel: claim.channel, ts: claim.ts };
  if (!claim.fresh && !input.claimedHere) {
    const found = await findEarlier(input, claim.record.claimedAt);
    if (found) {
      await ledger.markPosted(teamId, key, found, input.ab);
      return { status: 'found-after-crash', ...found };
    }
  }
  const early = claim.postAt - Date.now();
  if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
  let posted: { channel: string; ts: string };
  try {
    posted = await input.send();
  } catch (error) {
    return await settleFailedPost(error, { ledger, pace: input.pace, teamId, channel: input.channel, key });
  }
  await input.afterPost?.(key);
  // Slack has answered, so it holds the post: the channel's next post is spaced from now, and the
  // delivery is recorded, in one step.
  await input.steps.record(teamId, input.channel, key, posted, input.ab);
  return { status: 'posted', ...posted };
}
