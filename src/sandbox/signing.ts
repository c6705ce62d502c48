import { createHmac } from 'node:crypto';

/** How far back Slack-signed requests may be dated before receivers refuse them as replays. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}` keyed by the signing secret. */
export function signRequest(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest('hex');
  return `v0=${digest}`;
}

/** The two headers Slack adds to every request it sends an app. */
export function signatureHeaders(
  signingSecret: string,
  timestampSeconds: number,
  rawBody: string,
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  return {
    'x-slack-signature': signRequest(signingSecret, timestampSeconds, rawBody),
    'x-slack-request-timestamp': String(timestampSeconds),
  };
}
