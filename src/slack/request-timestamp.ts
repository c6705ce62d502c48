import type { Logger } from '../logger.js';
import type { SignedRequestHandler } from './signed-requests.js';

/** How far a Slack request's timestamp may stray from this machine's clock, either way. */
export const MAX_CLOCK_DELTA_SECONDS = 5 * 60;

/**
 * Why a request's `X-Slack-Request-Timestamp` is refused, or undefined when it is fine: it must be whole
 * seconds since the epoch (not milliseconds) within five minutes of now, in the past or the future.
 * Bolt's verifier only refuses old timestamps.
 */
export function timestampProblem(header: string | string[] | undefined, nowMs: number): string | undefined {
  if (typeof header !== 'string' || !/^\d{1,10}$/.test(header)) return 'is not a time in whole seconds';
  const delta = Number(header) - Math.floor(nowMs / 1000);
  if (delta > MAX_CLOCK_DELTA_SECONDS) return 'is more than 5 minutes in the future';
  if (delta < -MAX_CLOCK_DELTA_SECONDS) return 'is more than 5 minutes old';
  return undefined;
}

/**
 * A timestamp check for signed requests (interceptSignedRequests): a refused timestamp gets 401 before Bolt
 * reads the body, so the request has no effect.
 */
export function timestampGuard(logger: Logger, now: () => number = Date.now): SignedRequestHandler {
  return (req, res, next) => {
    const problem = timestampProblem(req.headers['x-slack-request-timestamp'], now());
    if (!problem) return next();
    logger.warn({ problem }, `refused a request: its X-Slack-Request-Timestamp ${problem}`);
    res.writeHead(401, { 'content-type': 'text/plain' });
    res.end('invalid request timestamp');
    req.resume();
  };
}
