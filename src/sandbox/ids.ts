import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A Slack-style object id such as `V07ABC12DEF` (prefix plus ten upper-case alphanumerics). */
export function slackId(prefix: string): string {
  let id = prefix;
  for (let i = 0; i < 10; i++) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** A short random id like the ones Slack gives blocks and elements that arrive without one. */
export function shortId(): string {
  return randomBytes(4).toString('base64url').slice(0, 5);
}

/** A trigger id in Slack's `number.number.hex` format. */
export function triggerId(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}${randomInt(1000, 9999)}.${randomInt(1e9, 9e9)}.${randomBytes(16).toString('hex')}`;
}

/** A view hash in Slack's `seconds.random` format. */
export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomBytes(6).toString('base64url')}`;
}

/** Hands out message timestamps (`seconds.micros`) that never repeat and always increase. */
export class TsClock {
  private lastMicros = 0;

  /** The next message ts at or after `nowMs`. */
  next(nowMs: number): string {
    const micros = Math.max(nowMs * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1e6);
    return `${seconds}.${String(micros % 1e6).padStart(6, '0')}`;
  }
}
