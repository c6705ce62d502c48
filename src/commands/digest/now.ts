import { randomBytes } from 'node:crypto';
import { PostRefusedError, RetryLaterError } from '../../errors.js';
import { digestPeriod, runDigest } from '../../jobs/digest-run.js';
import type { Followups } from '../../jobs/followups.js';
import { protocolClient } from '../../jobs/slack-client.js';
import type { CommandDeps, CommandRequest, ReplyMessage } from '../types.js';

/** Rate-limit waits sat out before telling the person to try later. */
const MAX_WAITS = 3;
const MAX_WAIT_MS = 30_000;

function refusalMessage(error: PostRefusedError): ReplyMessage {
  if (error.slackError === 'not_in_channel' || error.slackError === 'channel_not_found') {
    return {
      text: `The app is not in <#${error.channel}>, so it cannot post the digest here. Invite it with \`/invite @sales-ops\` and run \`/sales-ops digest now\` again.`,
    };
  }
  if (error.slackError === 'is_archived')
    return { text: 'This channel is archived; run it in an active channel.' };
  return {
    text: `Slack refused the digest (${error.slackError}); nothing was posted. Try again in a minute.`,
  };
}

/**
 * `digest now`: posts this week's digest to the channel right away, in the digest's zone (else the
 * person's). Each request has its own delivery key, so asking twice posts twice, while the scheduled
 * run of the week still posts once.
 */
export async function postDigestNow(
  request: CommandRequest & { channelId: string },
  deps: CommandDeps,
  f: Followups,
  zone: string,
): Promise<void> {
  const now = deps.now();
  const input = {
    client: protocolClient(request.client),
    teamId: request.teamId,
    channel: request.channelId,
    zone,
    now,
    period: digestPeriod({ cadence: 'weekly', tz: zone }, now),
    requestId: randomBytes(4).toString('hex'),
  };
  const runDeps = { store: deps.store, deliveries: f.deliveries, pace: f.pace, steps: f.steps };
  for (let wait = 0; ; wait += 1) {
    try {
      const result = await runDigest(input, runDeps);
      const what =
        result.kind === 'no-deals'
          ? 'a note on importing deals (there are none yet)'
          : `the ${result.week} digest`;
      await request.reply({ text: `Posted ${what} in <#${request.channelId}>.` });
      return;
    } catch (error) {
      if (error instanceof PostRefusedError) return request.reply(refusalMessage(error));
      if (!(error instanceof RetryLaterError)) throw error;
      if (wait >= MAX_WAITS || error.ms > MAX_WAIT_MS) {
        return request.reply({
          text: 'Slack is limiting posts to this channel right now; nothing was posted. Try again in a minute.',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, error.ms));
    }
  }
}
