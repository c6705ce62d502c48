import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SlackStandIn } from '../src/sandbox/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';
import { ms, percentile, printTable, type Row, sized } from './support.js';

const TEAM = 'T0BENCHACK';
const REP = 'U0REP00001';
const CHANNEL = 'C0SALES001';
const CONCURRENCY = 200;
const SLACK_ACK_LIMIT_MS = 3000;
const ANSWERS = 'budget=50k authority=vp need=high timeline="next quarter"';

interface Side {
  url: string;
  child: ChildProcess;
}

async function startSide(kind: 'sales-ops' | 'bolt', apiUrl: string): Promise<Side> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ack-server.ts', kind, apiUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const [url] = (await once(lines, 'line')) as [string];
  return { url, child };
}

async function stopSide(side: Side): Promise<void> {
  const exited = once(side.child, 'exit');
  side.child.kill('SIGTERM');
  await exited;
}

/** Sends `total` signed slash commands, `CONCURRENCY` at a time; returns each ack's latency in ms. */
async function load(slack: SlackStandIn, total: number, text: (i: number) => string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const runner = async () => {
    while (next < total) {
      const i = next++;
      const started = performance.now();
      const reply = await slack.sendSlashCommand({ userId: REP, channelId: CHANNEL, text: text(i) });
      const took = performance.now() - started;
      if (reply.status !== 200) throw new Error(`request ${i} answered ${reply.status}`);
      latencies.push(took);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, runner));
  return latencies;
}

interface Measured {
  p50: number;
  p99: number;
  over: number;
  count: number;
}

const summarise = (latencies: number[]): Measured => ({
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  over: latencies.filter((l) => l > SLACK_ACK_LIMIT_MS).length,
  count: latencies.length,
});

async function measure(kind: 'sales-ops' | 'bolt', total: number, text: (i: number) => string) {
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP, name: 'ana', tz: 'Europe/Paris' });
  slack.addChannel({ id: CHANNEL, name: 'sales' });
  const side = await startSide(kind, slack.apiUrl);
  slack.setAppUrl(side.url);
  try {
    await load(slack, Math.min(50, total), (i) => `qualify Warmup${i} ${ANSWERS}`);
    return summarise(await load(slack, total, text));
  } finally {
    await stopSide(side);
    await slack.stop();
  }
}

/**
 * Ack latency of `/sales-ops qualify …` against a bare Bolt app on the same receiver, 200 concurrent:
 * (a) a new lead each time, (b) one lead requalified over and over.
 */
export async function benchAck(): Promise<void> {
  const cases = [
    {
      name: 'new lead each time',
      total: sized(2000, 400),
      text: (i: number) => `qualify Acme${i} ${ANSWERS}`,
    },
    { name: 'one lead requalified', total: sized(5000, 600), text: () => `qualify Acme ${ANSWERS}` },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const bolt = await measure('bolt', c.total, c.text);
    const app = await measure('sales-ops', c.total, c.text);
    const ratio = app.p99 / bolt.p99;
    rows.push({
      what: `ack p99, ${c.name} (${c.total}, ${CONCURRENCY} concurrent); p50 ${ms(app.p50)} vs ${ms(bolt.p50)}; over 3 s: ${app.over} vs ${bolt.over}`,
      measured: ms(app.p99),
      floor: `bare Bolt ${ms(bolt.p99)}`,
      ratio,
      target: '≤ 1.2×, none over 3 s',
      holds: ratio <= 1.2 && app.over === 0,
    });
  }
  printTable('Ack path', rows);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAck();
