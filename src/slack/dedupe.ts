import type { App } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { guardEvents } from './routing.js';

/**
 * Drops Events API deliveries already handled: Slack retries an event it thinks failed, and Bolt does not
 * dedupe. If Redis cannot answer, the event goes through: a rare double beats a lost uninstall.
 */
export function registerEventDedupe(app: App, deps: { store: Store; logger: Logger }): void {
  guardEvents(app, async ({ body, context }) => {
    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    const teamId = context.teamId ?? context.enterpriseId;
    if (!eventId || !teamId) return true;
    let first = true;
    try {
      first = await deps.store.events.claim(teamId, eventId);
    } catch (error) {
      deps.logger.warn({ err: error, eventId }, 'could not check the event for duplicates; handling it');
    }
    if (!first) deps.logger.info({ eventId, retryNum: context.retryNum }, 'skipped an event already handled');
    return first;
  });
}
