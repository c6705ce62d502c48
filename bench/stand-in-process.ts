/**
 * The Slack stand-in in a process of its own, for the worker benchmarks: Slack's servers never share the
 * workers' event loop, so what is timed is the app's work and the pace Slack imposes, not the stand-in's.
 * The parent drives it over the IPC channel: seed people and channels, then read back what Slack received.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { ChannelFixture, StandInOptions, UserFixture } from '../src/sandbox/index.js';
import { SlackStandIn } from '../src/sandbox/index.js';

/** One Web API call as the benchmarks read it: when Slack answered it, and with which HTTP status. */
export interface CallSeen {
  at: number;
  status: number;
  channel?: string;
}

type Question =
  | { op: 'addUsers'; users: UserFixture[] }
  | { op: 'addChannels'; channels: ChannelFixture[] }
  | { op: 'messageChannels' }
  | { op: 'firstMessage'; channel: string }
  | { op: 'calls'; method: string };
type Request = Question & { id: number };

type Answer = { id: number; result: unknown };

/** The stand-in of another process: its Web API URL, and what it was asked and answered. */
export interface RemoteStandIn {
  apiUrl: string;
  addUsers(users: UserFixture[]): Promise<void>;
  addChannels(channels: ChannelFixture[]): Promise<void>;
  /** The channel of every message posted, one entry a message. */
  messageChannels(): Promise<string[]>;
  /** The text and blocks of the first message posted to a channel. */
  firstMessage(channel: string): Promise<{ text: string; blocks?: unknown[] }>;
  calls(method: string): Promise<CallSeen[]>;
  stop(): Promise<void>;
}

/** Starts the stand-in in a child process with these options. */
export async function startRemoteStandIn(options: StandInOptions): Promise<RemoteStandIn> {
  const child = fork(new URL(import.meta.url).pathname, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (result: unknown) => void>();
  child.on('message', (answer: Answer) => {
    pending.get(answer.id)?.(answer.result);
    pending.delete(answer.id);
  });
  let next = 0;
  const ask = <T>(request: Question): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ ...request, id });
    });
  const [apiUrl] = (await once(child, 'message')) as [string];
  return {
    apiUrl,
    addUsers: (users) => ask({ op: 'addUsers', users }),
    addChannels: (channels) => ask({ op: 'addChannels', channels }),
    messageChannels: () => ask({ op: 'messageChannels' }),
    firstMessage: (channel) => ask({ op: 'firstMessage', channel }),
    calls: (method) => ask({ op: 'calls', method }),
    async stop() {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const send = process.send?.bind(process);
  if (!send) throw new Error('stand-in-process.ts runs as a child of a benchmark, with an IPC channel');
  const slack = await SlackStandIn.start(JSON.parse(process.argv[2] ?? '{}') as StandInOptions);
  const answer = (request: Request): unknown => {
    switch (request.op) {
      case 'addUsers':
        for (const user of request.users) slack.addUser(user);
        return null;
      case 'addChannels':
        for (const channel of request.channels) slack.addChannel(channel);
        return null;
      case 'messageChannels':
        return slack.messages().map((m) => m.channel);
      case 'firstMessage': {
        const [first] = slack.messages(request.channel);
        return { text: first?.text ?? '', ...(first?.blocks ? { blocks: first.blocks } : {}) };
      }
      case 'calls':
        return slack.calls(request.method).map((c) => ({
          at: c.at,
          status: c.status,
          ...(typeof c.args.channel === 'string' ? { channel: c.args.channel } : {}),
        }));
    }
  };
  process.on('message', (request: Request) => send({ id: request.id, result: answer(request) }));
  process.on('disconnect', () => void slack.stop().then(() => process.exit(0)));
  send(slack.apiUrl);
}
