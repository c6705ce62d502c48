import { ErrorCode, LogLevel, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { SlackStandIn, type StandInOptions } from '../../src/sandbox/index.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** A clock a test can move: starts at 2026-01-15T10:00:00Z (winter in Europe). */
export function movableClock(start = Date.UTC(2026, 0, 15, 10)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A stand-in with two people and three channels (#sales, #ops where the bot is absent, #deals). */
export async function startWorkspace(options: Partial<StandInOptions> = {}): Promise<SlackStandIn> {
  const standIn = await SlackStandIn.start({ signingSecret: SIGNING_SECRET, ...options });
  standIn.addUser({
    id: 'U0ANA',
    name: 'ana',
    tz: 'Europe/Madrid',
    realName: 'Ana Ruiz',
    email: 'ana@example.com',
  });
  standIn.addUser({ id: 'U0BEN', name: 'ben', tz: 'America/New_York' });
  standIn.addChannel({ id: 'C0SALES', name: 'sales' });
  standIn.addChannel({ id: 'C0OPS', name: 'ops', botIsMember: false });
  standIn.addChannel({ id: 'C0DEALS', name: 'deals', members: ['U0BEN'] });
  return standIn;
}

/** The real Web API client pointed at the stand-in, never retrying. */
export function clientFor(standIn: SlackStandIn, token = standIn.botToken, extra = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    ...extra,
  });
}

const isPlatformError = (error: unknown): error is WebAPIPlatformError =>
  error instanceof Error && 'code' in error && error.code === ErrorCode.PlatformError;

/** The WebAPIPlatformError a Web API call failed with (its `data.error` is Slack's error code). */
export async function platformError(call: Promise<unknown>): Promise<WebAPIPlatformError> {
  try {
    await call;
  } catch (error: unknown) {
    if (isPlatformError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a platform error');
}

/** The Slack error code a Web API call failed with. */
export async function slackError(call: Promise<unknown>): Promise<string> {
  return (await platformError(call)).data.error;
}

export const mrkdwnSection = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } }) as const;
