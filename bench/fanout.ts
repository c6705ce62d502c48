import { WebClient } from '@slack/web-api';
import { enqueuePosts } from '../src/jobs/sender.js';
import { PROTOCOL_CLIENT_OPTIONS } from '../src/jobs/slack-client.js';
import { BOT_TOKEN } from '../test/support/app.js';
import type { RemoteStandIn } from './stand-in-process.js';
import { median, printTable, sized } from './support.js';
import { startRig, TEAM, type WorkerRig } from './workers.js';

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

/** Rounds of each side, alternating, so a slow moment of a shared machine does not land on one side only. */
const ROUNDS = sized(5, 1);

interface Round {
  /** Seconds from handing the posts over until the last one reached the stand-in. */
  seconds: number;
  /** Channels that did not get exactly PARTS messages. */
  wrong: number;
  /** 429s the stand-in answered these channels. */
  rateLimited: number;
}

/** One round through the sales-ops sender, on channels of its own. */
async function senderFanout(rig: WorkerRig, channels: readonly string[]): Promise<Round> {
  const mine = new Set(channels);
  const started = Date.now();
  // Handed over at once, as a team's fan-out is: each channel's messages in order.
  await enqueuePosts(
    rig.followups,
    channels.flatMap((channel) =>
      Array.from({ length: PARTS }, (_, part) => ({
        teamId: TEAM,
        channel,
        deliveryKey: `digest-${channel}-part${part}`,
        text: `Weekly digest for ${channel}, part ${part + 1} of ${PARTS}`,
      })),
    ),
  );
  const own = async () => (await rig.slack.messageChannels()).filter((c) => mine.has(c));
  const lastAt = await rig.slack.postsArrived(channels, channels.length * PARTS, 300_000);
  const seconds = (lastAt - started) / 1000;
  // A moment more, so a duplicate that was on its way would be counted.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const perChannel = new Map<string, number>();
  for (const channel of await own()) perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  const calls = await rig.slack.calls('chat.postMessage');
  return {
    seconds,
    wrong: channels.filter((c) => perChannel.get(c) !== PARTS).length,
    rateLimited: calls.filter((c) => c.status === 429 && c.channel !== undefined && mine.has(c.channel))
      .length,
  };
}

/**
 * Digest-sized messages for many channels at once through the one sender (its per-channel pace and
 * exactly-once ledger), the stand-in enforcing one message per second per channel and answering 429 beyond
 * it: total time against the pacing floor, and every channel's count (nothing lost, nothing doubled). Each
 * round also runs the same fan-out from a bare client on other channels, to show what the machine allows
 * at best; the median rounds are compared.
 */
export async function benchFanout(): Promise<void> {
  const count = sized(200, 50);
  const rig = await startRig();
  try {
    // One round of each side first, untimed: the rounds then compare running processes (compiled code,
    // open connections), as a worker that has been up for a while is, not their first minute.
    const warm = [channelIds('FANW', count), channelIds('BAREW', count)] as const;
    await rig.slack.addChannels(warm.flat().map((id) => ({ id, name: id.toLowerCase() })));
    await senderFanout(rig, warm[0]);
    await bareFanout(rig.slack, warm[1]);
    const rounds: Round[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const channels = channelIds(`FAN${round}`, count);
      const bareChannels = channelIds(`BARE${round}`, count);
      await rig.slack.addChannels(
        [...channels, ...bareChannels].map((id) => ({ id, name: id.toLowerCase() })),
      );
      rounds.push(await senderFanout(rig, channels));
      bare.push(await bareFanout(rig.slack, bareChannels));
    }
    const seconds = median(rounds.map((r) => r.seconds));
    const bareSeconds = median(bare);
    const wrong = rounds.reduce((sum, r) => sum + r.wrong, 0);
    const rateLimited = rounds.reduce((sum, r) => sum + r.rateLimited, 0);
    const floor = PARTS - 1;
    const ratio = seconds / floor;
    const list = (values: number[]) => values.map((v) => `${v.toFixed(2)} s`).join(', ');
    console.log(
      `\nfan-out by round: sales-ops ${list(rounds.map((r) => r.seconds))}; bare client ${list(bare)}`,
    );
    printTable(
      `Fan-out (${count} channels × ${PARTS} messages, 1 msg/s/channel, median of ${ROUNDS} rounds)`,
      [
        {
          what: `total time (${(seconds / bareSeconds).toFixed(2)}× the bare client below); channels with a wrong count: ${wrong}; 429s answered: ${rateLimited}`,
          measured: `${seconds.toFixed(2)} s`,
          floor: `${floor} s of pacing`,
          ratio,
          target: '≤ 1.1×, none lost or doubled',
          holds: ratio <= 1.1 && wrong === 0,
        },
        {
          what: 'for comparison: a bare Web API client, each post a second after Slack answered the last',
          measured: `${bareSeconds.toFixed(2)} s`,
          floor: `${floor} s of pacing`,
          ratio: bareSeconds / floor,
          target: 'what this machine allows',
        },
      ],
    );
  } finally {
    await rig.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFanout();
