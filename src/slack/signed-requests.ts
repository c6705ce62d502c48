import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { AfterAck } from './after-ack.js';

/** Handles a signed request before Bolt does; `next` hands it on to Bolt. */
export type SignedRequestHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Puts `handlers` in front of the receiver's request listener for Slack's signed requests (POSTs to
 * `eventsPath`), in order, in one wrapper: each hands the request on with `next`, the last one to Bolt.
 */
export function interceptSignedRequests(
  receiver: HTTPReceiver,
  eventsPath: string,
  handlers: readonly SignedRequestHandler[],
): void {
  const listener: RequestListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (req.method !== 'POST' || path !== eventsPath) return listener(req, res);
    let at = 0;
    const next = (): void => {
      const handler = handlers[at++];
      if (handler) handler(req, res, next);
      else listener(req, res);
    };
    next();
  };
}

/**
 * Tells the after-ack queue about every signed request from its arrival until its answer has been sent (or
 * the connection dropped): a response emits 'close' in both cases. Queued work waits while any request
 * still waits for its ack.
 */
export function requestTracker(afterAck: AfterAck): SignedRequestHandler {
  return (_req, res, next) => {
    res.once('close', afterAck.awaitingAck());
    next();
  };
}
