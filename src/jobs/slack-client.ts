import { LogLevel, WebClient } from '@slack/web-api';
import type { InstallationRepository } from '../store/installations.js';
import { slackTransport } from './slack-transport.js';

/** Whose bot token a job needs: the team, and the enterprise for org-wide installs. */
export interface TokenOwner {
  teamId: string;
  enterpriseId?: string | undefined;
}

/** Finds a team's bot token at run time, so job data never carries one. */
export type TokenSource = (owner: TokenOwner) => Promise<string | undefined>;

/** The token source: the single-workspace bot token, or the team's stored installation under OAuth. */
export function createTokenSource(options: {
  botToken?: string | undefined;
  installations: InstallationRepository;
}): TokenSource {
  return async ({ teamId, enterpriseId }) => {
    if (options.botToken) return options.botToken;
    const direct = await options.installations.find({ teamId });
    if (direct?.bot?.token) return direct.bot.token;
    if (!enterpriseId) return undefined;
    const org = await options.installations.find({ enterpriseId, isEnterpriseInstall: true });
    return org?.bot?.token;
  };
}

/** A call that has not answered after this long is given up, as an ambiguous outcome the protocol settles. */
export const JOB_CALL_TIMEOUT_MS = 10_000;

/**
 * The options of every client that posts inside the exactly-once protocol: one attempt per call, through
 * the jobs' transport (slack-transport.ts).
 */
export const PROTOCOL_CLIENT_OPTIONS = {
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 0 },
  timeout: JOB_CALL_TIMEOUT_MS,
  logLevel: LogLevel.ERROR,
  maxRequestConcurrency: 1000,
  fetch: slackTransport,
} as const;

/**
 * A client with the same token and API URL as `client` but the protocol's options, for a post made from a
 * request handler (`digest now`), whose own client retries on its own.
 */
export function protocolClient(client: WebClient): WebClient {
  return new WebClient(client.token, { ...PROTOCOL_CLIENT_OPTIONS, slackApiUrl: client.slackApiUrl });
}

/** A Web API client for a team, or undefined when the team has no usable installation. */
export type ClientFor = (owner: TokenOwner) => Promise<WebClient | undefined>;

/**
 * Web API clients for jobs. They never retry on their own: each call is one attempt, because a retry inside
 * the exactly-once protocol could post a message twice (the first attempt may have been posted and only its
 * answer lost). Jobs retry instead, through the history check (processors/post.ts). `rejectRateLimitedCalls`
 * makes a 429 throw WebAPIRateLimitedError instead of sleeping inside the job, so the sender can delay the
 * job for Retry-After without holding a worker slot.
 */
export function createClientFactory(options: {
  tokens: TokenSource;
  slackApiUrl?: string | undefined;
}): ClientFor {
  const clients = new Map<string, WebClient>();
  return async (owner) => {
    const token = await options.tokens(owner);
    if (token === undefined) return undefined;
    let client = clients.get(token);
    if (client === undefined) {
      client = new WebClient(token, {
        ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
        ...PROTOCOL_CLIENT_OPTIONS,
      });
      clients.set(token, client);
    }
    return client;
  };
}
