#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import type { WebClientOptions } from '@slack/web-api';
import { closeOnSignal, runMain, type Services, startServices } from './boot.js';
import { createOpenIntake } from './commands/intake/index.js';
import { createJobRuntime, type JobRuntime } from './jobs/runtime.js';
import { type AfterAck, createAfterAck } from './slack/after-ack.js';
import { createApp, type SlackApp } from './slack/create-app.js';
import { registerListeners } from './slack/listeners.js';
import { createMetrics, type Metrics } from './slack/metrics.js';

/** In-process workers get the same time as `npm run worker` to finish the jobs in hand. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** What may differ from production when the app is built: the clock and the Web API client's options. */
export interface ComposeOptions {
  /** The app's clock; the real one unless set (tests pin it). */
  now?: () => Date;
  /** Laid over the Web API client options from config, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: WebClientOptions;
}

/** The app built but not started: Bolt with every listener registered, the job runtime and the metrics. */
export interface ComposedApp {
  slack: SlackApp;
  jobs: JobRuntime;
  metrics: Metrics;
  /** The one queue for work after an ack; stopping waits for it to drain. */
  afterAck: AfterAck;
}

/** The one composition root: builds Bolt, the job runtime and every listener on started services. */
export function composeApp(services: Services, options: ComposeOptions = {}): ComposedApp {
  const { config, store, logger, redis } = services;
  const now = options.now ?? (() => new Date());
  const metrics = createMetrics();
  const afterAck = createAfterAck();
  const jobs = createJobRuntime({ ...services, ...(options.now ? { now: options.now } : {}) });
  const slack = createApp(config, {
    redis,
    store,
    logger,
    metrics,
    afterAck,
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
  });
  registerListeners(slack.app, {
    store,
    logger,
    metrics,
    openIntake: createOpenIntake({ store, now }),
    now,
    followups: jobs.followups,
    afterAck,
  });
  return { slack, jobs, metrics, afterAck };
}

/** A started app: the port it serves on, and how to stop it (workers finish the jobs in hand first). */
export interface RunningApp {
  port: number;
  jobs: JobRuntime;
  close(): Promise<void>;
}

/** Builds the app on started services, starts the workers unless RUN_WORKERS=false, and serves on `port`. */
export async function launch(services: Services, port = services.config.env.PORT): Promise<RunningApp> {
  const { slack, jobs, afterAck } = composeApp(services);
  // RUN_WORKERS=false leaves the jobs to `npm run worker` processes.
  if (services.config.env.RUN_WORKERS) jobs.startWorkers();
  const bound = await slack.start(port);
  return {
    port: bound,
    jobs,
    async close() {
      await slack.stop();
      // Commands already acked get their answer before the process ends.
      await afterAck.idle();
      // Workers finish the jobs in hand before their queues and connections close.
      await jobs.close();
    },
  };
}

/** Starts the Slack app: config, Redis, Bolt, listeners, workers, then serve until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const services = await startServices();
  // The handler is in place before anything starts: a SIGTERM that lands while the server and workers are
  // starting still closes them cleanly, instead of killing the process mid-start.
  let launching: Promise<RunningApp> | undefined;
  closeOnSignal(services, SHUTDOWN_TIMEOUT_MS, async () => {
    await (await launching)?.close();
  });
  launching = launch(services);
  await launching;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
