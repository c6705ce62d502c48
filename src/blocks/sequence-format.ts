import { DateTime } from 'luxon';
import { CHANNELS, type Channel } from '../engines/optimizer/index.js';

/** A due time as Slack's date token (each reader sees it in their own zone), with the rep's local time as fallback. */
export function slackTime(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone });
  const seconds = Math.floor(at.toSeconds());
  const fallback = at.isValid ? at.toFormat("ccc d LLL yyyy 'at' HH:mm") : iso;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

/** A due time written out in the rep's zone, e.g. `Mon 2 Nov 2026 at 09:00 (America/New_York)`. */
export function localTime(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone });
  return at.isValid ? `${at.toFormat("ccc d LLL yyyy 'at' HH:mm")} (${zone})` : iso;
}

/** The emoji and label of a step's channel, e.g. `:email: Email`. */
export function channelLabel(channel: Channel): string {
  const emoji: Record<Channel, string> = {
    email: ':email:',
    call: ':telephone_receiver:',
    linkedin: ':briefcase:',
    sms: ':speech_balloon:',
    breakup: ':wave:',
  };
  return `${emoji[channel]} ${CHANNELS[channel].label}`;
}
