#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { closeOnSignal, runMain, type Services, startServices } from './boot.js';
import { createOpenIntake } from './commands/intake/open.js';
import { createJobRuntime } from './jobs/runtime.js';
import { createApp } from './slack/create-app.js';
import { registerListeners } from './slack/listeners.js';
import { createMetrics } from './slack/metrics.js';

/** In-process workers get the same time as `npm run worker` to finish the jobs in hand. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** A started app: the port it serves on, and how to stop it (workers finish the jobs in hand first). */
export interface RunningApp {
  port: number;
  jobs: ReturnType<typeof createJobRuntime>;
  close(): Promise<void>;
}

/** Wires Bolt, the listeners and the job runtime onto started services, and serves on `port`. */
export async function launch(services: Services, port = services.config.env.PORT): Promise<RunningApp> {
  const { config, store, logger, redis } = services;
  const metrics = createMetrics();
  const jobs = createJobRuntime(services);
  const slack = createApp(config, { redis, store, logger, metrics });
  registerListeners(slack.app, {
    store,
    logger,
    metrics,
    openIntake: createOpenIntake({ store, now: () => new Date() }),
    now: () => new Date(),
    followups: jobs.followups,
  });
  // RUN_WORKERS=false leaves the jobs to `npm run worker` processes.
  if (config.env.RUN_WORKERS) jobs.startWorkers();
  const bound = await slack.start(port);
  return {
    port: bound,
    jobs,
    async close() {
      await slack.stop();
      // Workers finish the jobs in hand before their queues and connections close.
      await jobs.close();
    },
  };
}

/** Starts the Slack app: config, Redis, Bolt, listeners, workers, then serve until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const services = await startServices();
  const running = await launch(services);
  closeOnSignal(services, SHUTDOWN_TIMEOUT_MS, () => running.close());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
