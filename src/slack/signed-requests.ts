import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { AfterAck } from './after-ack.js';

/** Handles a signed request before Bolt does; `next` hands it on to Bolt. */
export type SignedRequestHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Puts `handle` in front of the receiver's request listener for Slack's signed requests (POSTs to `eventsPath`). */
export function interceptSignedRequests(
  receiver: HTTPReceiver,
  eventsPath: string,
  handle: SignedRequestHandler,
): void {
  const listener: RequestListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === eventsPath) handle(req, res, () => listener(req, res));
    else listener(req, res);
  };
}

/**
 * Tells the after-ack queue about every signed request from its arrival until its answer has been sent (or
 * the connection dropped), so queued work waits while any request still waits for its ack.
 */
export function trackRequests(receiver: HTTPReceiver, eventsPath: string, afterAck: AfterAck): void {
  interceptSignedRequests(receiver, eventsPath, (_req, res, next) => {
    const answered = afterAck.awaitingAck();
    res.once('finish', answered);
    res.once('close', answered);
    next();
  });
}
