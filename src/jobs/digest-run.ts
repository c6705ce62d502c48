import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { appHomeUrl } from '../blocks/digest.js';
import { DELIVERY_EVENT_TYPE } from '../blocks/reminder-ids.js';
import { isoWeek } from '../engines/dashboard/index.js';
import type { DeliveryLedger } from '../store/deliveries.js';
import type { DigestSettings, Store } from '../store/index.js';
import type { DeliverySteps } from './delivery-steps.js';
import { buildDigestContent, type DigestContent } from './digest-content.js';
import { type DeliveryOutcome, deliverOnce } from './digest-deliver.js';
import { chartDeliveryKey, digestDeliveryKey } from './digest-job.js';
import { ownerIdsFor } from './digest-owners.js';
import type { ChannelPace } from './pace.js';
import { findPosted } from './processors/post-history.js';

/** What a digest run needs besides the Slack client. */
export interface DigestRunDeps {
  store: Pick<Store, 'deals' | 'profiles' | 'settings' | 'snapshots'>;
  deliveries: DeliveryLedger;
  pace: ChannelPace;
  steps: DeliverySteps;
  /** Test seam, see DeliverOnceInput.afterPost. */
  afterPost?: ((key: string) => Promise<void>) | undefined;
}

export interface DigestRunInput {
  client: WebClient;
  teamId: string;
  channel: string;
  zone: string;
  now: Date;
  /** `2026-W48` (weekly) or `2026-11-23` (a schedule of several days): one scheduled digest per period. */
  period: string;
  /** Set for `digest now`, which posts every time it is asked. */
  requestId?: string | undefined;
}

export interface DigestRunResult {
  status: DeliveryOutcome;
  key: string;
  week: string;
  kind: DigestContent['kind'] | 'unchanged';
}

/** The period a scheduled digest posts once in: the ISO week, or the local day for several days a week. */
export function digestPeriod(settings: Pick<DigestSettings, 'cadence' | 'tz'>, now: Date): string {
  const iso = now.toISOString();
  if (settings.cadence === 'weekly') return isoWeek(iso, settings.tz);
  return DateTime.fromISO(iso, { zone: settings.tz }).toISODate() ?? iso.slice(0, 10);
}

/** What files.uploadV2 answers: one files.completeUploadExternal result per file. */
const uploadResultSchema = z.object({
  files: z.array(z.object({ files: z.array(z.object({ id: z.string() })).default([]) })),
});

async function homeLink(client: WebClient, teamId: string): Promise<string | undefined> {
  try {
    const auth = await client.auth.test();
    return auth.app_id ? appHomeUrl(teamId, auth.app_id) : undefined;
  } catch {
    return undefined;
  }
}

async function findFileShare(client: WebClient, channel: string, fileName: string, sinceMs: number) {
  const result = await client.conversations.history({
    channel,
    oldest: String(Math.floor(sinceMs / 1000) - 60),
    limit: 100,
  });
  for (const message of result.messages ?? []) {
    const file = message.files?.find((f) => f.name === fileName);
    if (file?.id) return { channel, ts: file.id };
  }
  return undefined;
}

/**
 * Posts one digest to a channel exactly once as people see it: the message under the period's delivery
 * key (with the key in its metadata, so a re-run after a crash finds it), then the funnel chart PNG
 * shared to the channel through the external upload flow under its own key. A period already posted
 * returns at once without computing anything.
 */
export async function runDigest(input: DigestRunInput, deps: DigestRunDeps): Promise<DigestRunResult> {
  const { client, teamId, channel } = input;
  const key = digestDeliveryKey(teamId, channel, input.period, input.requestId);
  const chartKey = chartDeliveryKey(key);
  const week = isoWeek(input.now.toISOString(), input.zone);
  const [message, chart] = await Promise.all([
    deps.deliveries.get(teamId, key),
    deps.deliveries.get(teamId, chartKey),
  ]);
  if (message?.state === 'posted' && chart?.state === 'posted') {
    return { status: 'already-posted', key, week, kind: 'unchanged' };
  }

  const content = await buildDigestContent(deps.store, {
    teamId,
    zone: input.zone,
    now: input.now,
    appHomeUrl: await homeLink(client, teamId),
    resolveOwners: (owners) => ownerIdsFor(client, owners),
  });
  const common = {
    ledger: deps.deliveries,
    pace: deps.pace,
    steps: deps.steps,
    teamId,
    channel,
    afterPost: deps.afterPost,
  };
  // The chart is claimed before the message is posted, so a crash anywhere after it leaves the chart to
  // post on the next run; a chart never goes alone under a message posted in an earlier run.
  const claimChartNow = content.kind === 'digest' && message?.state !== 'posted' && chart === undefined;
  if (claimChartNow) await deps.deliveries.claim(teamId, chartKey, Date.now());
  const { status } = await deliverOnce({
    ...common,
    key,
    find: async (since) => {
      const ts = await findPosted(client, channel, key, since);
      return ts ? { channel, ts } : undefined;
    },
    send: async () => {
      const posted = await client.chat.postMessage({
        channel,
        text: content.text,
        blocks: content.blocks,
        metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
      });
      return { channel: posted.channel ?? channel, ts: posted.ts ?? '' };
    },
  });
  if (content.kind === 'digest' && (claimChartNow || chart !== undefined)) {
    const fileName = `pipeline-funnel-${input.period}${input.requestId ? `-${input.requestId}` : ''}.png`;
    await deliverOnce({
      ...common,
      key: chartKey,
      claimedHere: claimChartNow,
      find: (since) => findFileShare(client, channel, fileName, since),
      send: async () => {
        const uploaded = await client.files.uploadV2({
          channel_id: channel,
          file: content.chart.png,
          filename: fileName,
          title: content.chart.title,
        });
        const parsed = uploadResultSchema.safeParse(uploaded);
        const id = parsed.success
          ? parsed.data.files.flatMap((f) => f.files).find((f) => f.id)?.id
          : undefined;
        return { channel, ts: id ?? '' };
      },
    });
  }
  return { status, key, week, kind: content.kind };
}
