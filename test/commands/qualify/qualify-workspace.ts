import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { RecordedResponse } from '../../../src/sandbox/index.js';
import { keysUnder } from '../../support/redis.js';
import { CHANNEL_ID, REP_ID, startWorkspace, TEAM_ID, type Workspace } from '../../support/stand-in.js';

export { CHANNEL_ID, REP_ID, TEAM_ID };

/** 21:00 on New Year's Eve 2026 in Los Angeles, already 2027 in UTC: dates must be read in the rep's zone. */
export const NOW = new Date('2027-01-01T05:00:00.000Z');

/** The app with its clock pinned at NOW, and a stand-in whose rep works in America/Los_Angeles. */
export interface QualifyWorkspace extends Workspace {
  /** Sends `/sales-ops <text>` as the rep in #sales. */
  command(text: string): Promise<unknown>;
  /** The nth reply the app posted through a response_url, once it arrives. */
  reply(index?: number): Promise<RecordedResponse>;
  /** The team's lead keys in Redis (records, histories and indexes). */
  leadKeys(): Promise<string[]>;
}

/** Starts the stand-in and the app for the qualification tests. */
export async function startQualifyWorkspace(): Promise<QualifyWorkspace> {
  const ws = await startWorkspace({ repTimezone: 'America/Los_Angeles', now: () => NOW });
  const { slack, app } = ws;
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
    stop: () => ws.stop(),
  };
}

/**
 * Starts the qualification workspace once for the test file and, before each test, resets the stand-in
 * and purges the team; the returned workspace always refers to the running one.
 */
export function useQualifyWorkspace(): QualifyWorkspace {
  let running: QualifyWorkspace | undefined;
  const current = (): QualifyWorkspace => {
    if (!running) throw new Error('The workspace only runs inside tests and their hooks.');
    return running;
  };
  beforeAll(async () => {
    running = await startQualifyWorkspace();
  });
  afterAll(async () => {
    await running?.stop();
  });
  beforeEach(async () => {
    const ws = current();
    ws.slack.reset();
    await ws.app.store.purgeTeam(TEAM_ID);
  });
  return {
    get slack() {
      return current().slack;
    },
    get app() {
      return current().app;
    },
    command: (text) => current().command(text),
    reply: (index) => current().reply(index),
    leadKeys: () => current().leadKeys(),
    stop: () => current().stop(),
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
