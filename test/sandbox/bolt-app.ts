import type { AddressInfo } from 'node:net';
import {
  type AllMiddlewareArgs,
  App,
  HTTPReceiver,
  LogLevel,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs,
  type SlackShortcutMiddlewareArgs,
  type SlackViewMiddlewareArgs,
} from '@slack/bolt';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { SIGNING_SECRET, startWorkspace } from './fixtures.js';

type Listener<A> = (args: A & AllMiddlewareArgs) => Promise<void>;

/** What the test app does on each kind of request; tests swap these per case. */
export interface Hooks {
  command: Listener<SlackCommandMiddlewareArgs>;
  action: Listener<SlackActionMiddlewareArgs>;
  view: Listener<SlackViewMiddlewareArgs>;
  shortcut: Listener<SlackShortcutMiddlewareArgs>;
  event: Listener<SlackEventMiddlewareArgs>;
}

/** Listeners that only acknowledge. */
export function ackOnly(): Hooks {
  return {
    command: async ({ ack }) => ack(),
    action: async ({ ack }) => ack(),
    view: async ({ ack }) => ack(),
    shortcut: async ({ ack }) => ack(),
    event: async () => undefined,
  };
}

/**
 * A real Bolt app on HTTPReceiver (127.0.0.1, free port) whose Web API client talks to the stand-in.
 * botId and botUserId are given, so Bolt skips its auth.test at start.
 */
export async function startBoltApp(standIn: SlackStandIn, hooks: Hooks): Promise<App> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: standIn.botToken,
    botId: standIn.botId,
    botUserId: standIn.botUserId,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command(/.*/, (args) => hooks.command(args));
  app.action(/.*/, (args) => hooks.action(args));
  app.view(/.*/, (args) => hooks.view(args));
  app.view({ callback_id: /.*/, type: 'view_closed' }, (args) => hooks.view(args));
  app.shortcut(/.*/, (args) => hooks.shortcut(args));
  app.event(/.*/, (args) => hooks.event(args));
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  standIn.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  return app;
}

/** A promise a listener settles from inside the app; `run` settles it with the outcome of some work. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const run = (work: () => Promise<T>): Promise<void> => work().then(resolve, reject);
  return { promise, resolve, reject, run };
}

/** The stand-in and the Bolt app a test file shares, and the listeners the current test has set. */
export interface BoltHarness {
  readonly standIn: SlackStandIn;
  readonly app: App;
  /** Reset to `ackOnly()` before each test; a test replaces the listeners it needs. */
  readonly hooks: Hooks;
}

/** Starts a workspace stand-in and a Bolt app for the test file, resetting both before each test. */
export function useBoltApp(): BoltHarness {
  const hooks = ackOnly();
  let running: { standIn: SlackStandIn; app: App } | undefined;
  const current = () => {
    if (!running) throw new Error('The Bolt app only runs inside tests and their hooks.');
    return running;
  };
  beforeAll(async () => {
    const standIn = await startWorkspace();
    running = { standIn, app: await startBoltApp(standIn, hooks) };
  });
  beforeEach(() => {
    current().standIn.reset();
    Object.assign(hooks, ackOnly());
  });
  afterAll(async () => {
    await running?.app.stop();
    await running?.standIn.stop();
  });
  return {
    get standIn() {
      return current().standIn;
    },
    get app() {
      return current().app;
    },
    hooks,
  };
}
