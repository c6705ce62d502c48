import type { Channel, Template } from './channels.js';

/** The first touch: introduces the sender and the reason to talk, without pretending to follow anything up. */
const EMAIL_OPENER: Template = {
  subject: '{{company}} and {{pain_point}}',
  body: [
    'Hi {{first_name}},',
    '',
    'I am {{sender_name}}, and we have not spoken before. I work with teams like {{company}} on {{pain_point}}.',
    '',
    'Is it something you are working on this quarter? If it is, a 15-minute call would show quickly ' +
      'whether we can help; if not, tell me and I will not take more of your time.',
    '',
    'Best,',
    '{{sender_name}}',
  ].join('\n'),
};

/** A first call: nothing has been sent yet, so the opener says who is calling and why. */
const CALL_OPENER: Template = {
  body: [
    'Opener: "Hi {{first_name}}, it is {{sender_name}} from {{sender_company}}. We have not spoken before; ' +
      'I am calling because teams like {{company}} tell us {{pain_point}} costs them time. Have you got two minutes?"',
    'Questions: "How do you handle {{pain_point}} today? What happens when it goes wrong?"',
    'Next step: if it matters this quarter, book a 30-minute call before you hang up, with a date.',
    'Voicemail: "Hi {{first_name}}, {{sender_name}} from {{sender_company}} about {{pain_point}} at ' +
      '{{company}}. I will send a short e-mail so you have my details."',
  ].join('\n'),
};

/** A text message: two lines, who is writing and one easy question. */
const SMS_NOTE: Template = {
  body: 'Hi {{first_name}}, {{sender_name}} from {{sender_company}} here. Is now a bad time to talk about {{pain_point}}? Reply with a good time and I will call.',
};

/** First follow-up after the opening e-mail: short, names the pain, asks for one small step. */
const EMAIL_FOLLOW_UP: Template = {
  subject: 'Re: {{company}} and {{pain_point}}',
  body: [
    'Hi {{first_name}},',
    '',
    'Following up on my note from earlier this week. When I talk to teams like {{company}}, ' +
      '{{pain_point}} usually costs more than it looks: hours lost every week, deals that stall, ' +
      'and work nobody clearly owns.',
    '',
    'Would a 15-minute call next week help to see whether we can take that off your plate? ' +
      'If the timing is wrong, tell me when to come back and I will.',
    '',
    'Best,',
    '{{sender_name}}',
  ].join('\n'),
};

/** Second e-mail: gives something useful instead of "just checking in". */
const EMAIL_VALUE: Template = {
  subject: 'How similar teams cut {{pain_point}}',
  body: [
    'Hi {{first_name}},',
    '',
    'I put together a one-page summary of how teams like {{company}} reduced {{pain_point}}: ' +
      'what they changed first, what it cost and how long it took. Want me to send it over?',
    '',
    'If someone else at {{company}} owns this, I would be grateful for a pointer.',
    '',
    '{{sender_name}}',
  ].join('\n'),
};

/** Any further e-mail: one line, one question, easy to answer from a phone. */
const EMAIL_BUMP: Template = {
  subject: 'Worth a conversation, {{first_name}}?',
  body: [
    'Hi {{first_name}},',
    '',
    'Is {{pain_point}} on your list for this quarter? A one-word answer is plenty: "yes", "later" or "no".',
    '',
    '{{sender_name}}',
  ].join('\n'),
};

const CALL_SCRIPT: Template = {
  body: [
    'Opener: "Hi {{first_name}}, it is {{sender_name}} from {{sender_company}}. I sent you a couple of notes ' +
      'about {{pain_point}}. Have you got two minutes, or shall I call back at a better time?"',
    'Reason: "Teams like {{company}} tell us {{pain_point}} slows them down every week. I would like to ' +
      'understand whether that is true for you too."',
    'Questions: "How do you handle {{pain_point}} today? What happens when it goes wrong? ' +
      'Who else cares about fixing it?"',
    'Next step: if it matters this quarter, book a 30-minute discovery call before you hang up, with a date.',
    'Voicemail: "Hi {{first_name}}, {{sender_name}} from {{sender_company}} about {{pain_point}} at ' +
      '{{company}}. I will send a short e-mail so you have my details."',
  ].join('\n'),
};

/** LinkedIn connection notes are limited to 300 characters; this one stays well inside. */
const LINKEDIN_NOTE: Template = {
  body:
    'Hi {{first_name}}, I have sent a couple of notes about {{pain_point}} at {{company}}. ' +
    'Happy to connect here and share what has worked for similar teams; no pitch unless you ask. ' +
    '{{sender_name}}',
};

/** The break-up e-mail: permission to say no often earns the reply the earlier steps did not. */
const BREAKUP_EMAIL: Template = {
  subject: 'Should I close your file?',
  body: [
    'Hi {{first_name}},',
    '',
    'I have not heard back, so I am guessing {{pain_point}} is not a priority for {{company}} right now. ' +
      'That is completely fine.',
    '',
    'Should I close your file? Reply "later" and I will check back next quarter; ' +
      'reply "no" and you will not hear from me again.',
    '',
    'Thanks,',
    '{{sender_name}}',
  ].join('\n'),
};

/** Default templates per channel; the nth step of a channel takes the nth entry (the last one repeats). */
export const DEFAULT_TEMPLATES: Readonly<Record<Channel, readonly Template[]>> = {
  email: [EMAIL_FOLLOW_UP, EMAIL_VALUE, EMAIL_BUMP],
  call: [CALL_SCRIPT],
  linkedin: [LINKEDIN_NOTE],
  sms: [SMS_NOTE],
  breakup: [BREAKUP_EMAIL],
};

/** The template of a sequence's first step: an e-mail opens the conversation instead of following one up. */
export function firstTouchTemplate(channel: Channel): Template {
  if (channel === 'email') return EMAIL_OPENER;
  return channel === 'call' ? CALL_OPENER : defaultTemplate(channel, 0);
}

/** The default template for the `index`th step (0-based) that uses a channel. */
export function defaultTemplate(channel: Channel, index: number): Template {
  const list = DEFAULT_TEMPLATES[channel];
  const template = list[Math.min(index, list.length - 1)] ?? list[0];
  if (template === undefined) throw new Error(`no default template for ${channel}`);
  return template;
}
