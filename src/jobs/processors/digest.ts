import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { PostRefusedError, RetryLaterError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import type { DigestJobData } from '../digest-job.js';
import { type DigestRunDeps, type DigestRunResult, digestPeriod, runDigest } from '../digest-run.js';
import type { Followups } from '../followups.js';
import type { ClientFor } from '../slack-client.js';

export type DigestResult = DigestRunResult | { status: 'skipped'; reason: string };

export interface DigestDeps {
  store: DigestRunDeps['store'] & Pick<Store, 'digests'>;
  followups: Pick<Followups, 'deliveries' | 'pace' | 'steps'>;
  clientFor: ClientFor;
  /** The clock: which ISO week a run belongs to. Tests move it to another week. */
  now?: () => Date;
  /** Test seam, see DeliverOnceInput.afterPost. */
  afterPost?: ((key: string) => Promise<void>) | undefined;
}

/**
 * A channel's digest fell due (its job scheduler fired): posts this period's digest once. A channel whose
 * digest was removed or paused meanwhile is skipped. A second run in the same ISO week (a restart, a
 * stalled job run again, a schedule changed mid-week, a DST change) finds the period's delivery key
 * posted and posts nothing. A 429 puts the job back for Retry-After without spending an attempt.
 */
export async function processDigest(
  job: Job,
  token: string | undefined,
  data: DigestJobData,
  deps: DigestDeps,
): Promise<DigestResult> {
  const settings = await deps.store.digests.get(data.teamId, data.channel);
  if (settings === undefined) return { status: 'skipped', reason: 'no digest in this channel' };
  if (settings.paused) return { status: 'skipped', reason: 'digest paused' };
  const client = await deps.clientFor({ teamId: data.teamId, enterpriseId: data.enterpriseId });
  if (!client)
    throw new UnrecoverableError(`team ${data.teamId} has no installation; the digest cannot be posted`);
  const now = deps.now?.() ?? new Date();
  try {
    return await runDigest(
      {
        client,
        teamId: data.teamId,
        channel: data.channel,
        zone: settings.tz,
        now,
        period: data.period ?? digestPeriod(settings, now),
      },
      {
        store: deps.store,
        deliveries: deps.followups.deliveries,
        pace: deps.followups.pace,
        steps: deps.followups.steps,
        afterPost: deps.afterPost,
      },
    );
  } catch (error) {
    if (error instanceof RetryLaterError) {
      await job.moveToDelayed(Date.now() + error.ms, token);
      throw new DelayedError();
    }
    if (error instanceof PostRefusedError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
