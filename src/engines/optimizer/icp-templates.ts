import type { Channel, Template } from './channels.js';

/** What a template is for; the same channel reads differently as a first touch, a follow-up or a last note. */
export type TouchKind =
  | 'opener-email'
  | 'opener-call'
  | 'missed-call-email'
  | 'follow-email'
  | 'value-email'
  | 'trigger-email'
  | 'thread-email'
  | 'exec-email'
  | 'call'
  | 'linkedin'
  | 'sms'
  | 'breakup'
  | 'park';

/** The ICP's words the templates quote, and the sale they are written for. */
export interface TemplateContext {
  painPoints: readonly string[];
  buyingTriggers: readonly string[];
  enterprise: boolean;
  productLed: boolean;
}

/** ICP text as it may appear in a message: one line, no template braces, at most `max` characters. */
function clip(text: string | undefined, max: number): string {
  const clean = (text ?? '')
    .replace(/[{}]/g, '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  return `${[...clean]
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

const lower = (text: string): string => (text === '' ? text : text.charAt(0).toLowerCase() + text.slice(1));
const lines = (...parts: string[]): string => parts.join('\n');

/** Writes the template of one touch, quoting the ICP's pain points and buying triggers literally. */
export function icpTemplate(kind: TouchKind, ctx: TemplateContext, nth = 0): Template {
  const pains = ctx.painPoints.map((p) => clip(p, 90)).filter((p) => p !== '');
  const triggers = ctx.buyingTriggers.map((t) => clip(t, 90)).filter((t) => t !== '');
  const pain = (i: number): string => pains[i % Math.max(pains.length, 1)] ?? 'the problem we solve';
  const trigger = triggers[0] ?? 'a change in your team';
  const short = (i: number): string => clip(pain(i), 60);
  const meeting = ctx.enterprise ? 'a 30-minute conversation' : 'a 15-minute call';
  switch (kind) {
    case 'opener-email':
      return {
        subject: ctx.productLed ? 'Getting {{company}} started' : `${short(0)}: a question for {{company}}`,
        body: lines(
          'Hi {{first_name}},',
          '',
          ctx.productLed
            ? 'I am {{sender_name}} at {{sender_company}}; I saw {{company}} has started using the product.'
            : 'I am {{sender_name}} at {{sender_company}}; we have not spoken before.',
          `Teams like {{company}} tell us: "${pain(0)}". Is that true for you as well?`,
          '',
          `If it is, ${meeting} would show whether we can help. If not, tell me and I will not write again.`,
          '',
          'Best,',
          '{{sender_name}}',
        ),
      };
    case 'opener-call':
      return {
        body: lines(
          `Opener: "Hi {{first_name}}, {{sender_name}} from {{sender_company}}. We have not spoken before. Teams like {{company}} tell us: ${pain(0)}. Have you got two minutes?"`,
          `Questions: "How do you handle that today? What does it cost you? Has anything changed lately, such as ${lower(trigger)}?"`,
          `Next step: book ${meeting} before you hang up, with a date.`,
          'Voicemail: "Hi {{first_name}}, {{sender_name}} from {{sender_company}}. I will send a short note so you have my details."',
        ),
      };
    case 'missed-call-email':
      return {
        subject: 'Sorry I missed you, {{first_name}}',
        body: lines(
          'Hi {{first_name}},',
          '',
          `I tried to call a moment ago. I am {{sender_name}} at {{sender_company}}, and I called because teams like {{company}} tell us: "${pain(0)}".`,
          '',
          'When is a good time for a short call? Reply with a time and I will ring then.',
          '',
          '{{sender_name}}',
        ),
      };
    case 'follow-email':
      return {
        subject: `Re: ${short(nth + 1)}`,
        body: lines(
          'Hi {{first_name}},',
          '',
          `Following up on my earlier note. Another thing we hear from teams like {{company}}: "${pain(nth + 1)}".`,
          '',
          `Would ${meeting} next week help to see whether we can take that off your plate?`,
          '',
          '{{sender_name}}',
        ),
      };
    case 'value-email':
      return {
        subject: `How teams handle: ${short(nth + 2)}`,
        body: lines(
          'Hi {{first_name}},',
          '',
          `I wrote up how teams like {{company}} dealt with "${pain(nth + 2)}": what they changed first, what it cost and how long it took. Shall I send it?`,
          '',
          '{{sender_name}}',
        ),
      };
    case 'trigger-email':
      return {
        subject: `When ${lower(clip(trigger, 60))}`,
        body: lines(
          'Hi {{first_name}},',
          '',
          `Teams usually look at this when ${lower(trigger)}. If that is happening at {{company}}, it is a good moment to compare notes; if not, I will keep an eye out and write when it is.`,
          '',
          '{{sender_name}}',
        ),
      };
    case 'thread-email':
      return {
        subject: `{{company}}: ${short(1)}`,
        body: lines(
          'Hi {{first_name}},',
          '',
          `As {{title}} you are likely close to this: "${pain(1)}". I have been in touch with your colleagues about it and would value your view before anything moves.`,
          '',
          'Could we find 20 minutes in the next two weeks?',
          '',
          '{{sender_name}}',
        ),
      };
    case 'exec-email':
      return {
        subject: '{{sender_company}} and {{company}}',
        body: lines(
          'Hi {{first_name}},',
          '',
          `I lead the team at {{sender_company}} that {{sender_name}} works in. We see "${pain(0)}" cost companies like {{company}} real money, and I would like to understand whether it is on your agenda.`,
          '',
          'If it is, I am glad to join a short call with you and your team.',
          '',
          'Kind regards,',
          'on behalf of {{sender_name}}',
        ),
      };
    case 'call':
      return {
        body: lines(
          `Opener: "Hi {{first_name}}, it is {{sender_name}} from {{sender_company}}. I got in touch about this: ${lower(short(nth))}. Have you got two minutes?"`,
          '"What happens today when it goes wrong? Who else cares about fixing it?"',
          `Next step: book ${meeting} before you hang up, with a date.`,
          'Voicemail: leave your name, one line on why, and say you will write.',
        ),
      };
    case 'linkedin':
      return {
        body:
          nth === 0
            ? `Hi {{first_name}}, teams like {{company}} tell me: "${short(0)}". Happy to connect and share what has worked; no pitch unless you ask. {{sender_name}}`
            : `Hi {{first_name}}, one more thought on "${short(nth)}": I have a short write-up of how others fixed it. Shall I send it here? {{sender_name}}`,
      };
    case 'sms':
      return {
        body: `Hi {{first_name}}, {{sender_name}} from {{sender_company}}. Quick one about ${lower(short(nth))}: when is a good time for a 5-minute call?`,
      };
    case 'breakup':
      return {
        subject: 'Close the loop?',
        body: lines(
          'Hi {{first_name}},',
          '',
          `I have not heard back, so I take it "${pain(0)}" is not a priority for {{company}} right now. That is fine.`,
          '',
          'Reply "later" and I will check back next quarter; reply "no" and you will not hear from me again.',
          '',
          '{{sender_name}}',
        ),
      };
    case 'park':
      return {
        subject: 'Stepping back for now',
        body: lines(
          'Hi {{first_name}},',
          '',
          `I will stop writing for now. Teams usually revisit "${pain(0)}" when ${lower(trigger)}; if that happens at {{company}}, I would be glad to pick this up again.`,
          '',
          '{{sender_name}}',
        ),
      };
  }
}

/** The kind of template for a channel at a position of an intake's own cadence. */
export function kindFor(channel: Channel, position: number, enterprise: boolean): TouchKind {
  if (channel === 'breakup') return enterprise ? 'park' : 'breakup';
  if (position === 0)
    return channel === 'email' ? 'opener-email' : channel === 'call' ? 'opener-call' : channel;
  if (channel === 'email')
    return (['follow-email', 'value-email', 'trigger-email'] as const)[position % 3] ?? 'follow-email';
  return channel;
}
