import { enqueuePost } from '../src/jobs/sender.js';
import { printTable, sized } from './support.js';
import { startRig, TEAM, until } from './workers.js';

/** Messages one channel's digest is posted as here: Slack's pace makes the floor (PARTS − 1) seconds. */
const PARTS = 3;

/**
 * Digest-sized messages for many channels at once through the one sender (its per-channel pace and
 * exactly-once ledger), the stand-in enforcing one message per second per channel and answering 429 beyond
 * it: total time against the pacing floor, and every channel's count (nothing lost, nothing doubled).
 */
export async function benchFanout(): Promise<void> {
  const channels = Array.from({ length: sized(200, 50) }, (_, i) => `C0FAN${String(i).padStart(5, '0')}`);
  const rig = await startRig();
  try {
    await rig.slack.addChannels(channels.map((id) => ({ id, name: id.toLowerCase() })));
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
    const floor = PARTS - 1;
    const ratio = seconds / floor;
    printTable(`Fan-out (${channels.length} channels × ${PARTS} messages, 1 msg/s/channel)`, [
      {
        what: `total time; channels with a wrong count: ${wrong.length}; 429s answered: ${rateLimited}`,
        measured: `${seconds.toFixed(2)} s`,
        floor: `${floor} s of pacing`,
        ratio,
        target: '≤ 1.1×, none lost or doubled',
        holds: ratio <= 1.1 && wrong.length === 0,
      },
    ]);
  } finally {
    await rig.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFanout();
