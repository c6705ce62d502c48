import { App, HTTPReceiver, type InstallationStore, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import { boltLogger, boltLogLevel, type Logger } from '../logger.js';
import type { Pingable } from '../redis.js';
import type { Store } from '../store/index.js';
import { timeAcks } from './ack-timing.js';
import type { AfterAck } from './after-ack.js';
import { createInstallationStore } from './installation-store.js';
import type { Metrics } from './metrics.js';
import { timestampGuard } from './request-timestamp.js';
import { operationsRoutes } from './routes.js';
import { BOT_SCOPES } from './scopes.js';
import { interceptSignedRequests, requestTracker } from './signed-requests.js';

/** Slash commands, interactivity and events all arrive here over HTTP. */
export const EVENTS_PATH = '/slack/events';

/**
 * How long the HTTP server keeps an idle connection open. Node's default is 5 s; Slack reuses its connections
 * for longer, and closing them costs every later request a new TCP handshake. Above typical load balancers' 60 s.
 */
export const KEEP_ALIVE_MS = 65_000;

export interface CreateAppDeps {
  /** Only PING is used, by /healthz. */
  redis: Pingable;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** The queue work after an ack runs in; it is told which requests still wait for their ack. */
  afterAck: AfterAck;
  /** Extra Web API client options laid over those from config, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: WebClientOptions;
}

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  /** Starts serving; resolves to the HTTP port actually bound (pass 0 for a free one). */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
  scopes: string[];
}

function oauthOptions(config: Config, store: Store): OAuthOptions | undefined {
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET } = config.env;
  if (!config.oauth || !SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET || !SLACK_STATE_SECRET) return undefined;
  return {
    clientId: SLACK_CLIENT_ID,
    clientSecret: SLACK_CLIENT_SECRET,
    stateSecret: SLACK_STATE_SECRET,
    installationStore: createInstallationStore(store.installations),
    scopes: [...BOT_SCOPES],
  };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`${name} is required here; loadConfig should have said so`);
  return value;
}

/** Builds the Bolt app and its receiver (Socket Mode or HTTP, single workspace or OAuth) without starting it. */
export function createApp(config: Config, deps: CreateAppDeps): SlackApp {
  const { env } = config;
  const logger = boltLogger(deps.logger);
  const logLevel = boltLogLevel(env.LOG_LEVEL);
  const clientOptions: WebClientOptions = {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    ...deps.clientOptions,
  };
  const customRoutes = operationsRoutes(deps);
  const oauth = oauthOptions(config, deps.store);
  let port = env.PORT;
  let started = false;

  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: required(env.SLACK_APP_TOKEN, 'SLACK_APP_TOKEN'),
          logger,
          logLevel,
          customRoutes,
          ...oauth,
          // In Socket Mode the health, metrics and OAuth routes are served on this port.
          installerOptions: { clientOptions, port: env.PORT },
        })
      : new HTTPReceiver({
          signingSecret: required(env.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET'),
          endpoints: EVENTS_PATH,
          logger,
          logLevel,
          customRoutes,
          ...oauth,
          installerOptions: { clientOptions },
        });

  const app = new App({
    receiver,
    logger,
    logLevel,
    clientOptions,
    // Bolt's in-memory conversation store is unused here, and it costs every request a lookup that rejects
    // with a new Error when nothing is stored.
    convoStore: false,
    ...(oauth ? {} : { token: required(env.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN') }),
    ...(env.SLACK_BOT_ID && env.SLACK_BOT_USER_ID
      ? { botId: env.SLACK_BOT_ID, botUserId: env.SLACK_BOT_USER_ID }
      : {}),
  });
  if (receiver instanceof HTTPReceiver) {
    interceptSignedRequests(receiver, EVENTS_PATH, [
      timestampGuard(deps.logger),
      requestTracker(deps.afterAck),
    ]);
  }
  timeAcks(app, deps.metrics);
  app.error(async (error) => {
    deps.metrics.errors.inc({ source: 'bolt' });
    deps.logger.error({ err: error, code: error.code }, 'a Slack request failed');
  });

  return {
    app,
    receiver,
    async start(requestedPort = env.PORT) {
      if (receiver instanceof HTTPReceiver) {
        const server = await receiver.start(requestedPort);
        server.keepAliveTimeout = KEEP_ALIVE_MS;
        // Node requires the headers timeout to outlast the keep-alive one, or it may cut a reused connection.
        server.headersTimeout = KEEP_ALIVE_MS + 1000;
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : requestedPort;
      } else {
        await app.start();
      }
      started = true;
      deps.logger.info({ mode: config.mode, oauth: Boolean(oauth), port }, 'sales-ops is listening');
      return port;
    },
    async stop() {
      if (!started) return;
      started = false;
      await receiver.stop();
    },
  };
}
