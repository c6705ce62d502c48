import type { RedisClient } from '../redis-client.js';
import { createDeliveryLedger, type DeliveryLedger } from '../store/deliveries.js';
import { createEnrolmentRepository, type EnrolmentRepository } from '../store/enrolments.js';
import { type CalendarRepository, createCalendarRepository } from '../store/enrolments-calendar.js';
import { followupKeys } from '../store/enrolments-keys.js';
import type { Keys } from '../store/keys.js';
import { createSequenceRepository, type SequenceRepository } from '../store/sequences.js';
import { type AbCounters, createAbCounters } from '../store/sequences-ab.js';
import { createDeliverySteps, type DeliverySteps } from './delivery-steps.js';
import { type LeadReader, NO_LEADS } from './leads.js';
import { type ChannelPace, createChannelPace } from './pace.js';
import type { Queues } from './queues.js';
import { removeEnrolmentReminders } from './reminders.js';
import { createTeamJobIndex, removeTeamJobs, type TeamJobIndex } from './team-jobs.js';

/** Everything the follow-up feature needs: its repositories, the queues and the leads. */
export interface Followups {
  queues: Queues;
  enrolments: EnrolmentRepository;
  sequences: SequenceRepository;
  calendars: CalendarRepository;
  deliveries: DeliveryLedger;
  ab: AbCounters;
  pace: ChannelPace;
  /** The pace and the ledger's steps around one post, one round trip each. */
  steps: DeliverySteps;
  jobIndex: TeamJobIndex;
  leads: LeadReader;
  /** The time zone used when a rep has none in Slack (DEFAULT_TIMEZONE). */
  defaultZone: string;
  /** The rep's company, for `{{sender_company}}`. */
  senderCompany(teamId: string): Promise<string | undefined>;
  /** The team ICP's first pain point, for `{{pain_point}}` when a lead has none in the buyer's words. */
  icpPainPoint(teamId: string): Promise<string | undefined>;
  /**
   * Removes every queued job of the team (for uninstall): the reminders derived from its enrolments, and the
   * jobs in its job index; its keys go with the team's purge.
   */
  removeTeamJobs(teamId: string): Promise<number>;
}

export interface FollowupOptions {
  redis: RedisClient;
  keys: Keys;
  queues: Queues;
  leads?: LeadReader;
  defaultZone?: string;
  senderCompany?: (teamId: string) => Promise<string | undefined>;
  icpPainPoint?: (teamId: string) => Promise<string | undefined>;
  /** Gap between two posts to one channel; 1000 ms unless a test needs otherwise. */
  paceMs?: number;
}

/** Wires the follow-up repositories and queues together. */
export function createFollowups(options: FollowupOptions): Followups {
  const k = followupKeys(options.keys);
  const { redis, queues } = options;
  const jobIndex = createTeamJobIndex(redis, k);
  const enrolments = createEnrolmentRepository(redis, k);
  return {
    queues,
    enrolments,
    sequences: createSequenceRepository(redis, k),
    calendars: createCalendarRepository(redis, k),
    deliveries: createDeliveryLedger(redis, k),
    ab: createAbCounters(redis, k),
    pace: createChannelPace(redis, k, options.paceMs),
    steps: createDeliverySteps(redis, k, options.paceMs),
    jobIndex,
    leads: options.leads ?? NO_LEADS,
    defaultZone: options.defaultZone ?? 'UTC',
    senderCompany: options.senderCompany ?? (async () => undefined),
    icpPainPoint: options.icpPainPoint ?? (async () => undefined),
    removeTeamJobs: async (teamId) =>
      (await removeEnrolmentReminders({ queues, enrolments }, teamId)) +
      (await removeTeamJobs(teamId, { index: jobIndex, queues })),
  };
}
