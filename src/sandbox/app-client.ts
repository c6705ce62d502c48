import { MAX_REQUEST_AGE_SECONDS, signatureHeaders } from './signing.js';
import type { AppReply, SendOptions } from './types.js';

/** A request body ready to send, with the content type Slack uses for it. */
export interface OutgoingBody {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

/** A form body (slash commands) with fields in the order given. */
export function formBody(fields: Record<string, string>): OutgoingBody {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An interactivity body: the JSON payload in a `payload` form field. */
export function interactionBody(payload: unknown): OutgoingBody {
  return formBody({ payload: JSON.stringify(payload) });
}

/** An Events API body: plain JSON. */
export function jsonBody(payload: unknown): OutgoingBody {
  return { body: JSON.stringify(payload), contentType: 'application/json' };
}

/** The headers Slack sends with a body: its content type, Slackbot's user agent and the signature. */
export function signedHeaders(
  outgoing: OutgoingBody,
  signingSecret: string,
  timestampSeconds: number,
): Record<string, string> {
  return {
    'content-type': outgoing.contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signatureHeaders(signingSecret, timestampSeconds, outgoing.body),
  };
}

/** POSTs a body to the app signed as Slack signs it (or deliberately mis-signed) and reads the answer. */
export async function deliver(
  appUrl: string,
  outgoing: OutgoingBody,
  signingSecret: string,
  nowMs: number,
  options: SendOptions = {},
): Promise<AppReply> {
  const now = Math.floor(nowMs / 1000);
  const timestamp =
    options.signature === 'stale'
      ? now - MAX_REQUEST_AGE_SECONDS - 60
      : options.signature === 'future'
        ? now + MAX_REQUEST_AGE_SECONDS + 60
        : options.signature === 'milliseconds'
          ? nowMs
          : now;
  const secret = options.signature === 'bad' ? `${signingSecret}-wrong` : signingSecret;
  const headers = signedHeaders(outgoing, secret, timestamp);
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const started = performance.now();
  const response = await fetch(appUrl, { method: 'POST', headers, body: outgoing.body });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: isJson && text !== '' ? parseOrText(text) : text,
    elapsedMs,
  };
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
