import type { ChannelFixture, UserFixture } from './types.js';

/** The people on the sandbox page; the switcher lets one person try what a team does together. */
export const SANDBOX_PEOPLE: readonly (UserFixture & { realName: string })[] = [
  { id: 'U0ANA', name: 'ana', realName: 'Ana García', tz: 'Europe/Madrid' },
  { id: 'U0BEN', name: 'ben', realName: 'Ben Okafor', tz: 'America/New_York' },
  { id: 'U0CHLOE', name: 'chloe', realName: 'Chloé Martin', tz: 'Europe/Paris' },
];

/** The team channel the page shows. */
export const SANDBOX_CHANNEL: ChannelFixture = { id: 'C0SALES', name: 'sales' };

/** The shared secret the stand-in signs with and the app checks; the sandbox never leaves 127.0.0.1. */
export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret';

/** The bot token the stand-in accepts from the app. */
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-bot-token';
