import { WebClient } from '@slack/web-api';
import { enqueuePost } from '../src/jobs/sender.js';
import { PROTOCOL_CLIENT_OPTIONS } from '../src/jobs/slack-client.js';
import { BOT_TOKEN } from '../test/support/app.js';
import type { RemoteStandIn } from './stand-in-process.js';
import { printTable, sized } from './support.js';
import { startRig, TEAM, until } from './workers.js';

/** Messages one channel's digest is posted as here: Slack's pace makes the floor (PARTS − 1) seconds. */
const PARTS = 3;

/** Slack's pace: a channel's next post may reach Slack one second after the last. */
const SLACK_PACE_MS = 1000;

const channelIds = (tag: string, count: number) =>
  Array.from({ length: count }, (_, i) => `C0${tag}${String(i).padStart(5, '0')}`);

/**
 * What this machine allows at best, for comparison: a bare Web API client (the workers' client, with no
 * queue, delivery ledger or pace in Redis) posting every channel's messages at once, each next one exactly
 * a second after Slack answered the last, which is as early as Slack's pace allows. Returns the seconds
 * until the last was answered.
 */
async function bareFanout(slack: RemoteStandIn, channels: readonly string[]): Promise<number> {
  const client = new WebClient(BOT_TOKEN, { ...PROTOCOL_CLIENT_OPTIONS, slackApiUrl: slack.apiUrl });
  const started = Date.now();
  await Promise.all(
    channels.map(async (channel) => {
      for (let part = 0; part < PARTS; part++) {
        if (part > 0) await new Promise((resolve) => setTimeout(resolve, SLACK_PACE_MS));
        await client.chat.postMessage({ channel, text: `Weekly digest for ${channel}, part ${part + 1}` });
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

/**
 * Digest-sized messages for many channels at once through the one sender (its per-channel pace and
 * exactly-once ledger), the stand-in enforcing one message per second per channel and answering 429 beyond
 * it: total time against the pacing floor, and every channel's count (nothing lost, nothing doubled). Then
 * the same fan-out from a bare client on other channels, to show what the machine allows at best.
 */
export async function benchFanout(): Promise<void> {
  const channels = channelIds('FAN', sized(200, 50));
  const bareChannels = channelIds('BARE', channels.length);
  const rig = await startRig();
  try {
    await rig.slack.addChannels([...channels, ...bareChannels].map((id) => ({ id, name: id.toLowerCase() })));
    const started = Date.now();
    await Promise.all(
      channels.flatMap((channel) =>
        Array.from({ length: PARTS }, (_, part) =>
          enqueuePost(rig.followups, {
            teamId: TEAM,
            channel,
            deliveryKey: `digest-${channel}-part${part}`,
            text: `Weekly digest for ${channel}, part ${part + 1} of ${PARTS}`,
          }),
        ),
      ),
    );
    const expected = channels.length * PARTS;
    const own = async () => (await rig.slack.messageChannels()).filter((c) => channels.includes(c));
    await until(async () => (await own()).length >= expected, 300_000);
    const seconds = (Date.now() - started) / 1000;
    // A moment more, so a duplicate that was on its way would be counted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const perChannel = new Map<string, number>();
    for (const channel of await own()) perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
    const wrong = channels.filter((c) => perChannel.get(c) !== PARTS);
    const rateLimited = (await rig.slack.calls('chat.postMessage')).filter((c) => c.status === 429).length;
    const bare = await bareFanout(rig.slack, bareChannels);
    const floor = PARTS - 1;
    const ratio = seconds / floor;
    printTable(`Fan-out (${channels.length} channels × ${PARTS} messages, 1 msg/s/channel)`, [
      {
        what: `total time (${(seconds / bare).toFixed(2)}× the bare client below); channels with a wrong count: ${wrong.length}; 429s answered: ${rateLimited}`,
        measured: `${seconds.toFixed(2)} s`,
        floor: `${floor} s of pacing`,
        ratio,
        target: '≤ 1.1×, none lost or doubled',
        holds: ratio <= 1.1 && wrong.length === 0,
      },
      {
        what: 'for comparison: a bare Web API client, each post a second after Slack answered the last',
        measured: `${bare.toFixed(2)} s`,
        floor: `${floor} s of pacing`,
        ratio: bare / floor,
        target: 'what this machine allows',
      },
    ]);
  } finally {
    await rig.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFanout();
