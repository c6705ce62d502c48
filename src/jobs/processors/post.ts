import type { WebClient } from '@slack/web-api';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { DELIVERY_EVENT_TYPE } from '../../blocks/reminder-ids.js';
import { PaceWaitError, PostRefusedError, RetryLaterError } from '../../errors.js';
import { deliverOnce } from '../digest-deliver.js';
import type { Followups } from '../followups.js';
import type { PostJobData } from '../job-data.js';
import { postInstant } from '../lead.js';
import { SENDER_LEAD_MS, senderDelayMs } from '../sender.js';
import type { ClientFor } from '../slack-client.js';
import { conversationId, findPosted } from './post-history.js';

export type PostResult =
  | { status: 'posted'; channel: string; ts: string }
  | { status: 'already-posted'; channel: string; ts: string }
  | { status: 'found-after-crash'; channel: string; ts: string };

export interface PostDeps {
  followups: Pick<Followups, 'deliveries' | 'pace' | 'steps'>;
  clientFor: ClientFor;
  /** Test seam: runs right after Slack accepted the post, before it is recorded; a throw here is a crash. */
  afterPost?: (key: string, job: Job) => Promise<void>;
}

/** Puts the job back in the delayed set until `atMs`; the DelayedError tells BullMQ no attempt was spent. */
async function delayUntil(
  job: Job,
  token: string | undefined,
  atMs: number,
  data: PostJobData,
): Promise<never> {
  await job.updateData(data);
  await job.moveToDelayed(atMs, token);
  throw new DelayedError();
}

/**
 * Not posted yet: the channel is paced or Slack said 429; try again at `atMs` with `data` (its held slot,
 * and `postAt` set to `atMs`).
 */
export interface PostLater {
  status: 'later';
  atMs: number;
  data: PostJobData;
}

/**
 * One attempt at posting `data` through the exactly-once protocol (below). Posted, or found posted, is the
 * result; a wait for the channel's pace or Slack's Retry-After comes back as `later` for the caller to wait
 * out; a refusal throws UnrecoverableError; anything else (posted or not?) is thrown with the claim kept.
 * With `notBefore`, the slot and claim are taken now and the post waits for that instant.
 */
export async function attemptPost(
  data: PostJobData,
  deps: PostDeps,
  job: Job,
  notBefore?: number,
): Promise<PostResult | PostLater> {
  const { deliveries, pace, steps } = deps.followups;
  const { teamId, deliveryKey: key } = data;
  const client = await deps.clientFor({ teamId, enterpriseId: data.enterpriseId });
  if (!client)
    throw new UnrecoverableError(`team ${teamId} has no installation; the message cannot be posted`);

  const { slotAt: _spent, ...rest } = data;
  try {
    return await deliverOnce({
      ledger: deliveries,
      pace,
      steps,
      teamId,
      channel: data.channel,
      key,
      slotAt: data.slotAt,
      // A worker never sleeps long on a channel's pace: the job waits in BullMQ's delayed set instead.
      waitInPlace: false,
      notBefore,
      ab: data.ab,
      find: (since) => lookForEarlierPost(client, data.channel, key, since),
      send: async () => {
        const result = await client.chat.postMessage({
          channel: data.channel,
          text: data.text,
          ...(data.blocks ? { blocks: data.blocks } : {}),
          metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
        });
        return { channel: result.channel ?? data.channel, ts: result.ts ?? '' };
      },
      afterPost: deps.afterPost ? (k) => deps.afterPost?.(k, job) ?? Promise.resolve() : undefined,
    });
  } catch (error) {
    if (error instanceof PaceWaitError) {
      const atMs = Date.now() + error.ms;
      return { status: 'later', atMs, data: { ...data, slotAt: error.slot, postAt: atMs } };
    }
    if (error instanceof RetryLaterError) {
      const atMs = Date.now() + error.ms;
      return { status: 'later', atMs, data: { ...rest, postAt: atMs } };
    }
    if (error instanceof PostRefusedError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/**
 * Posts one message through the sender queue: at Slack's pace per channel, honouring 429s, and exactly once
 * as people see it even when a worker dies mid-job and BullMQ runs the job again (at-least-once).
 *
 * Protocol, per delivery key (team, enrolment, step, round):
 * 1. Pace: reserve the channel's next free slot in Redis (one post per second per channel, on Redis's
 *    clock, spaced from Slack's answer to the last post). A slot more than a few hundred ms away moves the
 *    job to delayed until SENDER_LEAD_MS before it, holding the slot and its instant (`postAt`) in its
 *    data; the job then takes the slot and the claim and posts at the instant. A post handed over for a
 *    busy channel has its slot booked already (sender.ts).
 * 2. Claim: HSETNX the delivery record to `claimed`. Already `posted` → done, nothing is sent.
 * 3. Already claimed by an earlier run that never recorded the post → that run may have died between
 *    posting and recording, so read the DM's `conversations.history` (include_all_metadata) since the claim
 *    and look for a message whose metadata is `sales_ops_delivery` with this key. Found → record it, done.
 *    A 429 while looking keeps the claim and delays the job for Retry-After.
 * 4. Post with `metadata: { event_type: 'sales_ops_delivery', event_payload: { key } }`, in one attempt: the
 *    client never retries behind the protocol's back. A failure is settled by post-errors.ts: a 429
 *    releases the claim, keeps the channel clear for Retry-After and moves the job to delayed for that long
 *    without spending an attempt; a permanent Slack error releases the claim and fails the job for good;
 *    anything else (a timeout, a lost response, a 5xx: the post may exist) keeps the claim, so the retry
 *    goes through step 3 before anything is posted again.
 * 5. Record: mark the delivery `posted` with channel and ts, and count the A/B send, in one script that
 *    does both only the first time.
 */
export async function processPost(
  job: Job,
  token: string | undefined,
  data: PostJobData,
  deps: PostDeps,
): Promise<PostResult> {
  const outcome = await attemptPost(data, deps, job, postInstant(data.postAt, Date.now(), SENDER_LEAD_MS));
  if (outcome.status === 'later')
    return delayUntil(job, token, Date.now() + senderDelayMs(outcome.atMs, Date.now()), outcome.data);
  return outcome;
}

async function lookForEarlierPost(
  client: WebClient,
  channel: string,
  key: string,
  claimedAt: number,
): Promise<{ channel: string; ts: string } | undefined> {
  const channelId = await conversationId(client, channel);
  const ts = await findPosted(client, channelId, key, claimedAt);
  return ts ? { channel: channelId, ts } : undefined;
}
