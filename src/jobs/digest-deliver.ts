import { RetryLaterError } from '../errors.js';
import type { DeliveryLedger } from '../store/deliveries.js';
import type { ChannelPace } from './pace.js';
import { settleFailedPost } from './post-errors.js';

/** Longest pace wait sat out in place; longer ones move the job back to the delayed set. */
const MAX_INLINE_WAIT_MS = 5_000;

export type DeliveryOutcome = 'posted' | 'already-posted' | 'found-after-crash';

export interface DeliverOnceInput {
  ledger: DeliveryLedger;
  pace: ChannelPace;
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
}

async function waitForSlot(input: DeliverOnceInput): Promise<void> {
  let reservation = await input.pace.reserve(input.teamId, input.channel);
  while (reservation.waitMs > 0) {
    if (reservation.waitMs > MAX_INLINE_WAIT_MS) throw new RetryLaterError(reservation.waitMs);
    await new Promise((resolve) => setTimeout(resolve, reservation.waitMs));
    reservation = await input.pace.reserve(input.teamId, input.channel, reservation.slot);
  }
}

/**
 * Posts something exactly once as people see it, the reminders' protocol (processors/post.ts): a posted
 * record means done; otherwise wait for the channel's pace, claim the delivery key, and if an earlier run
 * claimed it and never recorded the post, look for that post before posting again; record after posting.
 * A failed post is settled by the protocol's one rule book (post-errors.ts): a 429 throws RetryLaterError,
 * a refusal PostRefusedError, anything else (a timeout: posted or not?) keeps the claim so the next run looks.
 */
export async function deliverOnce(input: DeliverOnceInput): Promise<DeliveryOutcome> {
  const { ledger, teamId, key } = input;
  if ((await ledger.get(teamId, key))?.state === 'posted') return 'already-posted';
  await waitForSlot(input);
  const claim = await ledger.claim(teamId, key, Date.now());
  if (claim.record.state === 'posted') return 'already-posted';
  if (!claim.fresh && !input.claimedHere) {
    const found = await input.find(claim.record.claimedAt);
    if (found) {
      await ledger.markPosted(teamId, key, found);
      return 'found-after-crash';
    }
  }
  let posted: { channel: string; ts: string };
  try {
    posted = await input.send();
  } catch (error) {
    return settleFailedPost(error, { ledger, pace: input.pace, teamId, channel: input.channel, key });
  }
  await input.afterPost?.(key);
  await ledger.markPosted(teamId, key, posted);
  return 'posted';
}
