#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { closeOnSignal, runMain, startServices } from './boot.js';
import { createJobRuntime } from './jobs/runtime.js';

/** How long SIGTERM waits for the jobs in hand before giving up; reminders and posts take seconds. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** Runs the job workers alone (`npm run worker`): reminders, digests and the sender, until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const services = await startServices();
  const jobs = createJobRuntime(services);
  // The handler is in place before the workers start (and say so): a SIGTERM that lands at that moment still
  // lets them finish, instead of killing the process.
  closeOnSignal(services, SHUTDOWN_TIMEOUT_MS, () => jobs.close());
  jobs.startWorkers();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
