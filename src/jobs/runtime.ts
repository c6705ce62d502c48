import { teamIcp } from '../commands/icp/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { redisTarget } from '../redis.js';
import type { RedisClient } from '../redis-client.js';
import type { Store } from '../store/index.js';
import { teamAccountFit } from './alerts-icp.js';
import { restoreAlertJobs } from './alerts-restore.js';
import { createFollowups, type Followups } from './followups.js';
import { logQueueErrors } from './queue-errors.js';
import { createQueues, openProducerConnection, openWorkerConnection, queuePrefix } from './queues.js';
import { restoreDigestSchedulers } from './schedules.js';
import { createClientFactory, createTokenSource } from './slack-client.js';
import { startWorkers, type Workers } from './worker.js';

/** The job side of the app: the queues and follow-up feature, and workers when this process runs them. */
export interface JobRuntime {
  followups: Followups;
  /** Starts the workers (once); `npm start` does unless RUN_WORKERS=false, `npm run worker` always does. */
  startWorkers(): Workers;
  /** Lets the jobs in hand finish, then closes workers, queues and their connections. */
  close(): Promise<void>;
}

/** Wires queues, repositories and the Slack client factory from the config; `redis` is the store's connection. */
export function createJobRuntime(args: {
  config: Config;
  redis: RedisClient;
  store: Store;
  logger: Logger;
  /** The app's clock for alert runs and flushes; the real clock unless a test pins it. */
  now?: (() => Date) | undefined;
}): JobRuntime {
  const { env } = args.config;
  const producer = openProducerConnection(redisTarget(env));
  producer.on('error', (error: Error) => args.logger.warn({ err: error }, 'queue connection error'));
  const queues = createQueues(producer, queuePrefix(env.REDIS_KEY_PREFIX));
  logQueueErrors(queues, args.logger);
  const followups = createFollowups({
    redis: args.redis,
    keys: args.store.keys,
    queues,
    leads: args.store.leads,
    defaultZone: env.DEFAULT_TIMEZONE,
    senderCompany: async (teamId) => (await args.store.profiles.get(teamId))?.intake.business,
    icpPainPoint: async (teamId) => (await teamIcp(args.store, teamId))?.given.painPoints?.[0],
  });
  const clientFor = createClientFactory({
    tokens: createTokenSource({
      botToken: args.config.oauth ? undefined : env.SLACK_BOT_TOKEN,
      installations: args.store.installations,
    }),
    slackApiUrl: env.SLACK_API_URL,
  });
  let workers: Workers | undefined;
  let workerConnection: RedisClient | undefined;
  return {
    followups,
    startWorkers() {
      if (workers) return workers;
      workerConnection = openWorkerConnection(redisTarget(env));
      workerConnection.on('error', (error: Error) =>
        args.logger.warn({ err: error }, 'worker connection error'),
      );
      workers = startWorkers({
        connection: workerConnection,
        prefix: queues.prefix,
        followups,
        clientFor,
        logger: args.logger,
        digests: { store: args.store },
        alerts: {
          store: args.store,
          accountFit: (teamId) => teamAccountFit(args.store, teamId),
          recentMoves: (teamId) => args.store.alerts.recentMoves(teamId),
          ...(args.now ? { now: args.now } : {}),
        },
        workerOptions: { lockDuration: env.WORKER_LOCK_MS, stalledInterval: env.WORKER_LOCK_MS },
      });
      args.logger.info({ queues: [workers.reminders.name, workers.sender.name] }, 'workers started');
      // Redis may have lost the queue keys (a flush, no persistence): each saved digest gets its scheduler back.
      restoreDigestSchedulers({
        queue: queues.reminders,
        jobIndex: followups.jobIndex,
        digests: args.store.digests,
      })
        .then((count) => args.logger.info({ count }, 'digest schedulers upserted'))
        .catch((error: unknown) =>
          args.logger.error({ err: error }, 'could not upsert the digest schedulers'),
        );
      // The same for each team's daily alert run, and the flush of every recipient with alerts waiting.
      restoreAlertJobs({ store: args.store, followups, now: args.now?.() ?? new Date() })
        .then((count) => args.logger.info(count, 'alert schedulers and flushes upserted'))
        .catch((error: unknown) =>
          args.logger.error({ err: error }, 'could not upsert the alert schedulers'),
        );
      return workers;
    },
    async close() {
      await workers?.close();
      await queues.close();
      await workerConnection?.quit();
      await producer.quit();
    },
  };
}
