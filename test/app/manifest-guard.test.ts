import { readFileSync } from 'node:fs';
import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { QUICK_ACTION_IDS } from '../../src/commands/help/command.js';
import { SUBCOMMANDS } from '../../src/commands/router.js';
import type { CommandDeps } from '../../src/commands/types.js';
import type { Followups } from '../../src/jobs/followups.js';
import { createLogger } from '../../src/logger.js';
import { type AfterAck, createAfterAck } from '../../src/slack/after-ack.js';
import { registerListeners } from '../../src/slack/listeners.js';
import { createMetrics } from '../../src/slack/metrics.js';
import { routedIds } from '../../src/slack/routing.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';
import type { Store } from '../../src/store/index.js';
import { INTAKE_BACK_ACTION_ID, INTAKE_CALLBACK_ID } from '../../src/views/intake/index.js';

const manifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean() }),
    shortcuts: z
      .array(z.object({ callback_id: z.string(), type: z.enum(['global', 'message']) }))
      .default([]),
    slash_commands: z.array(
      z.object({ command: z.string(), description: z.string(), usage_hint: z.string() }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean() }),
    socket_mode_enabled: z.boolean(),
    org_deploy_enabled: z.boolean(),
  }),
});

const manifest = manifestSchema.parse(
  parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')),
);

/**
 * Registers every listener on a real Bolt app and records what was registered for what, from the routes
 * behind the app's one Bolt middleware: commands, buttons, modals, shortcuts and events.
 */
function registrations() {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  const app = new App({ token: 'xoxb-test', botId: 'B1', botUserId: 'U1', receiver });
  const deps: CommandDeps & { afterAck: AfterAck } = {
    store: {} as Store,
    logger: createLogger('silent'),
    metrics: createMetrics(),
    openIntake: async () => {},
    now: () => new Date(),
    // Registering reads no follow-up state; the listeners only reach it when a request arrives.
    followups: {} as Followups,
    afterAck: createAfterAck(),
  };
  registerListeners(app, deps);
  const routed = routedIds(app);
  return {
    command: routed.command,
    action: routed.action,
    view: [...routed.submit, ...routed.closed],
    shortcut: routed.shortcut,
    event: routed.event,
  };
}

const ids = (values: unknown[]) =>
  [...new Set(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))].sort();

describe('manifest.yml and the registered listeners', () => {
  const seen = registrations();

  it('registers a handler for every slash command in the manifest, and no command the manifest lacks', () => {
    expect(ids(seen.command)).toEqual(manifest.features.slash_commands.map((c) => c.command).sort());
  });

  it('registers a handler for every shortcut in the manifest, and no shortcut the manifest lacks', () => {
    expect(ids(seen.shortcut)).toEqual(manifest.features.shortcuts.map((s) => s.callback_id).sort());
  });

  it('subscribes to exactly the bot events that have listeners', () => {
    // Bolt listens to `message`; the manifest names where from (`message.channels`).
    const events = manifest.settings.event_subscriptions.bot_events.map((e) =>
      e.replace(/^message\..*$/, 'message'),
    );
    expect(ids(seen.event)).toEqual([...new Set(events)].sort());
  });

  it('enables interactivity when buttons, shortcuts or modals are handled, and the Home tab it publishes', () => {
    expect(seen.action.length + seen.view.length + seen.shortcut.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(seen.event).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('handles every button the usage message and Home tab show, and the intake modal', () => {
    expect(ids(seen.action)).toEqual(
      expect.arrayContaining([...Object.values(QUICK_ACTION_IDS), INTAKE_BACK_ACTION_ID]),
    );
    expect(ids(seen.view)).toContain(INTAKE_CALLBACK_ID);
  });

  it('asks for exactly the bot scopes the code declares', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('names every subcommand in the usage hint', () => {
    const hint = manifest.features.slash_commands[0]?.usage_hint ?? '';
    for (const name of SUBCOMMANDS.filter((n) => n !== 'design')) expect(hint).toContain(name);
  });

  it('runs in Socket Mode and can be deployed org-wide', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});
