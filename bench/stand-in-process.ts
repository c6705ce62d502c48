/**
 * The Slack stand-in in a process of its own, for the worker benchmarks: Slack's servers never share the
 * workers' event loop, so what is timed is the app's work and the pace Slack imposes, not the stand-in's.
 * The parent drives it over the IPC channel: seed people and channels, then read back what Slack received.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { ChannelFixture, RecordedCall, StandInOptions, UserFixture } from '../src/sandbox/index.js';
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
  | { op: 'calls'; method: string }
  | { op: 'postsArrived'; channels: string[]; count: number; timeoutMs: number };
type Request = Question & { id: number };

type Answer = { id: number; result?: unknown; error?: string };

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
  /**
   * When Slack accepted the `count`-th message to these channels (ms since the epoch), as soon as it has:
   * the stand-in answers then, so the benchmark neither polls it (which would load the machine it
   * measures) nor adds a polling interval to what it times.
   */
  postsArrived(channels: readonly string[], count: number, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the stand-in in a child process with these options. */
export async function startRemoteStandIn(options: StandInOptions): Promise<RemoteStandIn> {
  const child = fork(new URL(import.meta.url).pathname, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (answer: Answer) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error === undefined) waiting?.resolve(answer.result);
    else waiting?.reject(new Error(answer.error));
  });
  let next = 0;
  const ask = <T>(request: Question): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
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
    postsArrived: (channels, count, timeoutMs) =>
      ask({ op: 'postsArrived', channels: [...channels], count, timeoutMs }),
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
  const answer = (request: Request): unknown | Promise<unknown> => {
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
      case 'postsArrived': {
        const wanted = new Set(request.channels);
        let seen = 0;
        const accepted = (c: RecordedCall) =>
          c.status === 200 &&
          typeof c.args.channel === 'string' &&
          wanted.has(c.args.channel) &&
          ++seen >= request.count;
        return slack.waitForCall('chat.postMessage', accepted, request.timeoutMs).then((c) => c.at);
      }
    }
  };
  process.on('message', (request: Request) => {
    Promise.resolve(answer(request)).then(
      (result) => send({ id: request.id, result }),
      (error: unknown) => send({ id: request.id, error: String(error) }),
    );
  });
  process.on('disconnect', () => void slack.stop().then(() => process.exit(0)));
  send(slack.apiUrl);
}
