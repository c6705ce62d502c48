import type { Design } from '../design.js';

export const CHANNEL_IDS = ['email', 'call', 'linkedin', 'sms', 'breakup'] as const;
export type Channel = (typeof CHANNEL_IDS)[number];
export type ChannelLabel = Design['followUp']['steps'][number]['channel'];

/** Each channel's blueprint label and whether its messages carry a subject line. */
export const CHANNELS: Readonly<Record<Channel, { label: ChannelLabel; subject: boolean }>> = {
  email: { label: 'Email', subject: true },
  call: { label: 'Call', subject: false },
  linkedin: { label: 'LinkedIn', subject: false },
  sms: { label: 'SMS', subject: false },
  breakup: { label: 'Break-up', subject: true },
};

/** What a rep sends or says at a step; `subject` is for e-mail and break-up steps only. */
export interface Template {
  subject?: string;
  body: string;
}

/** LinkedIn refuses connection notes longer than this. */
export const LINKEDIN_NOTE_LIMIT = 300;

/** Text messages are kept to two SMS segments. */
export const SMS_LIMIT = 320;
