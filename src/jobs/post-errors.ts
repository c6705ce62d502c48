import { ErrorCode } from '@slack/web-api';
import { PostRefusedError, RetryLaterError } from '../errors.js';
import type { DeliveryLedger } from '../store/deliveries.js';
import type { ChannelPace } from './pace.js';

/**
 * The one rule book of the exactly-once posting protocol, shared by reminders (processors/post.ts) and
 * digests (digest-deliver.ts). The Web API client used for these posts never retries on its own
 * (slack-client.ts), so every call is a single attempt and its outcome is one of three:
 * - rate limited (429): Slack refused this one attempt, so nothing was posted;
 * - refused for good (a permanent Slack error): nothing was posted and no retry can fix it;
 * - anything else (a timeout, a lost response, a 5xx): ambiguous, the post may exist. The claim is kept,
 *   and the next run reads the conversation's history for the delivery key before posting again.
 */

/** Slack errors that no retry can fix: the post fails for good and its claim is released. */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'not_authed',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'cannot_dm_bot',
  'file_uploads_disabled',
  'file_type_not_allowed',
]);

/** Added to Retry-After, so the retry never lands a few milliseconds before Slack allows it. */
export const RETRY_MARGIN_MS = 100;

const codeOf = (e: unknown) => (e instanceof Error ? (e as { code?: unknown }).code : undefined);

/** How long Slack asked to wait, in ms (Retry-After plus a margin), when `error` is a 429; else undefined. */
export function rateLimitWaitMs(error: unknown): number | undefined {
  if (codeOf(error) !== ErrorCode.RateLimitedError) return undefined;
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  return (
    Math.max(1, typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : 1) * 1000 +
    RETRY_MARGIN_MS
  );
}

/** The Slack error of a permanent refusal, or undefined. */
export function permanentError(error: unknown): string | undefined {
  if (codeOf(error) !== ErrorCode.PlatformError) return undefined;
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  return typeof slackError === 'string' && PERMANENT_ERRORS.has(slackError) ? slackError : undefined;
}

/**
 * Settles a failed post attempt by the rules above: a 429 releases the claim, keeps the channel clear for
 * Retry-After and throws RetryLaterError; a permanent error releases the claim and throws PostRefusedError;
 * anything else is rethrown as it is, with the claim kept for the history check.
 */
export async function settleFailedPost(
  error: unknown,
  at: { ledger: DeliveryLedger; pace: ChannelPace; teamId: string; channel: string; key: string },
): Promise<never> {
  const waitMs = rateLimitWaitMs(error);
  if (waitMs !== undefined) {
    await at.ledger.release(at.teamId, at.key);
    await at.pace.holdOff(at.teamId, at.channel, waitMs);
    throw new RetryLaterError(waitMs);
  }
  const refused = permanentError(error);
  if (refused !== undefined) {
    await at.ledger.release(at.teamId, at.key);
    throw new PostRefusedError(refused, at.channel);
  }
  throw error;
}
