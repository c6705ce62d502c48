import type { App, ReceiverEvent } from '@slack/bolt';
import type { Metrics } from './metrics.js';

/** The kind of Slack request a body is, as the ack-latency label. */
export function requestKind(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return 'command';
  switch (body.type) {
    case 'event_callback':
      return 'event';
    case 'block_actions':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    case 'block_suggestion':
      return 'options';
    default:
      return 'other';
  }
}

/**
 * Records how long every request waits for its ack. Middleware cannot see or replace `ack` (Bolt hands each
 * middleware a copy of the arguments), so the timing wraps the one entry point both receivers call.
 */
export function timeAcks(app: App, metrics: Metrics): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const started = performance.now();
    const kind = requestKind(event.body);
    const ack: ReceiverEvent['ack'] = async (response) => {
      try {
        await event.ack(response);
      } finally {
        metrics.ackLatency.observe((performance.now() - started) / 1000, { kind });
      }
    };
    return processEvent({ ...event, ack });
  };
}
