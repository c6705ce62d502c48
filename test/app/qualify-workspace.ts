import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import { type RecordedResponse, SlackStandIn } from '../../src/sandbox/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, type RunningApp, SIGNING_SECRET, startApp } from '../support/app.js';
import { keysUnder } from '../support/redis.js';
import { CHANNEL_ID, REP_ID, TEAM_ID } from '../support/stand-in.js';

export { CHANNEL_ID, REP_ID, TEAM_ID };

/** 21:00 on New Year's Eve 2026 in Los Angeles, already 2027 in UTC: dates must be read in the rep's zone. */
export const NOW = new Date('2027-01-01T05:00:00.000Z');

/** The app with its clock pinned at NOW, and a stand-in whose rep works in America/Los_Angeles. */
export interface QualifyWorkspace {
  slack: SlackStandIn;
  app: RunningApp;
  /** Sends `/sales-ops <text>` as the rep in #sales. */
  command(text: string): Promise<unknown>;
  /** The nth reply the app posted through a response_url, once it arrives. */
  reply(index?: number): Promise<RecordedResponse>;
  /** The team's lead keys in Redis (records, histories and indexes). */
  leadKeys(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts the stand-in and the app for the qualification tests. */
export async function startQualifyWorkspace(): Promise<QualifyWorkspace> {
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM_ID,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP_ID, name: 'ana', tz: 'America/Los_Angeles' });
  slack.addChannel({ id: CHANNEL_ID, name: 'sales' });
  const app = await startApp({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }, { now: () => NOW });
  slack.setAppUrl(app.eventsUrl);
  return {
    slack,
    app,
    command: (text) => slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID }),
    async reply(index = 0) {
      await expect.poll(() => slack.responses().length, { timeout: 3000 }).toBeGreaterThan(index);
      const found = slack.responses()[index];
      if (!found) throw new Error('no reply');
      return found;
    },
    async leadKeys() {
      return (await keysUnder(app.redis, app.prefix)).filter((k) => /:\{[^}]+\}:leads?:/.test(k));
    },
    async stop() {
      await app.stop();
      await slack.stop();
    },
  };
}

/** Every text in a list of blocks, joined, as a person reads the message. */
export function textOf(value: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, child] of Object.entries(record))
        if (key !== 'text' || typeof child !== 'string') visit(child);
    }
  };
  visit(value);
  return texts.join('\n');
}

/** The blocks of a recorded reply or message. */
export function blocksOf(value: { body?: unknown; blocks?: unknown }): KnownBlock[] {
  const body = value.body as { blocks?: KnownBlock[] } | undefined;
  return (body?.blocks ?? (value.blocks as KnownBlock[] | undefined) ?? []) as KnownBlock[];
}
