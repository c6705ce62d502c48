import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Followups } from '../jobs/followups.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../slack/metrics.js';
import type { Store } from '../store/index.js';

/** A message only the person who asked sees. */
export interface ReplyMessage {
  text: string;
  blocks?: KnownBlock[];
}
export type Reply = (message: ReplyMessage) => Promise<void>;

export interface OpenIntakeArgs {
  client: WebClient;
  triggerId: string;
  teamId: string;
  userId: string;
  /** Where the command was typed; the blueprint is posted there when the intake is done. */
  channelId?: string;
  /** The business named in the command, to pre-fill the first step. */
  business?: string;
}

/** Opens the intake modal; the caller supplies it so the modal can be developed on its own. */
export type OpenIntake = (args: OpenIntakeArgs) => Promise<void>;

/** One request to a subcommand, whether it came from the slash command, a button or a shortcut. */
export interface CommandRequest {
  teamId: string;
  enterpriseId?: string;
  userId: string;
  channelId?: string;
  triggerId?: string;
  /** The text after the subcommand word. */
  args: string;
  business?: string;
  client: WebClient;
  reply: Reply;
  /** Notes something the request saved, so that a failure after it says it is kept. */
  saved(what: string): void;
}

export interface CommandDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  openIntake: OpenIntake;
  /** The clock, so tests can pin it. */
  now: () => Date;
  /** Follow-up sequences and their job queues. */
  followups: Followups;
}

export type CommandHandler = (request: CommandRequest, deps: CommandDeps) => Promise<void>;
