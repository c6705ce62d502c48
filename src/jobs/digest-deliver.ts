import { ErrorCode } from '@slack/web-api';
import type { DeliveryLedger } from '../store/deliveries.js';
import type { ChannelPace } from './pace.js';

/** Slack is rate limiting the channel: come back after `ms`. The claim was released; nothing was posted. */
export class RetryLaterError extends Error {
  constructor(readonly ms: number) {
    super(`Slack asked to wait ${Math.ceil(ms / 1000)} s before posting again`);
    this.name = 'RetryLaterError';
  }
}

/** Slack refused the post for good (not in the channel, archived…); the claim was released. */
export class PostRefusedError extends Error {
  constructor(
    readonly slackError: string,
    readonly channel: string,
  ) {
    super(`Slack refused the post to ${channel}: ${slackError}`);
    this.name = 'PostRefusedError';
  }
}

/** Errors no retry fixes: the post is refused and its claim released. */
const REFUSALS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'token_revoked',
  'account_inactive',
  'not_authed',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'file_uploads_disabled',
  'file_type_not_allowed',
]);

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

const codeOf = (e: unknown) => (e instanceof Error ? (e as { code?: unknown }).code : undefined);

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
 * A 429 releases the claim and throws RetryLaterError, a refusal releases it and throws PostRefusedError,
 * anything else (a timeout: posted or not?) keeps the claim so the next run looks first.
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
    if (codeOf(error) === ErrorCode.RateLimitedError) {
      await ledger.release(teamId, key);
      const seconds = (error as { retryAfter?: unknown }).retryAfter;
      const waitMs = Math.max(1, typeof seconds === 'number' ? seconds : 1) * 1000;
      await input.pace.holdOff(teamId, input.channel, waitMs);
      throw new RetryLaterError(waitMs);
    }
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (
      codeOf(error) === ErrorCode.PlatformError &&
      typeof slackError === 'string' &&
      REFUSALS.has(slackError)
    ) {
      await ledger.release(teamId, key);
      throw new PostRefusedError(slackError, input.channel);
    }
    throw error;
  }
  await input.afterPost?.(key);
  await ledger.markPosted(teamId, key, posted);
  return 'posted';
}
