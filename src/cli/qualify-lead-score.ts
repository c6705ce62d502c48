import { contactFitFacts } from '../engines/qualification/lead-engagement.js';
import { type EngagementEvent, type LeadScore, scoreLead } from '../engines/qualification/lead-score.js';
import { DEFAULT_LEAD_SCORING_MODEL, type LeadFitFacts } from '../engines/qualification/lead-score-model.js';
import { leadScoreText } from '../engines/qualification/lead-score-text.js';
import { InputError, type Problem } from '../errors.js';

/** The flags of `sales-ops qualify` that feed the lead score. */
export const LEAD_SCORE_OPTIONS = {
  'icp-fit': { type: 'string' },
  title: { type: 'string' },
  email: { type: 'string' },
  event: { type: 'string', multiple: true },
} as const;

const EVENT_TYPES = DEFAULT_LEAD_SCORING_MODEL.engagement.map((r) => r.type);

export const LEAD_SCORE_USAGE = [
  'Lead score (printed when any of these is given; unknown facts count 0, never guessed):',
  '  --icp-fit N              the lead’s ICP fit, 0–100',
  '  --title TEXT             the contact’s job title, read for seniority, e.g. "VP Sales"',
  '  --email ADDR             the contact’s e-mail: a company domain earns points, a personal one costs',
  '  --event TYPE@DATE        something the lead did, repeatable; its points halve every 30 days before --now',
  `                           TYPE is one of ${EVENT_TYPES.join(', ')}`,
];

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function icpFitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 100)) {
    throw new InputError([
      { path: '--icp-fit', message: 'must be a score from 0 to 100, e.g. --icp-fit 80' },
    ]);
  }
  return n;
}

function eventsOf(values: string[]): EngagementEvent[] {
  const problems: Problem[] = [];
  const events = values.flatMap((value) => {
    const at = value.indexOf('@');
    const type = value.slice(0, at);
    if (at < 1 || !EVENT_TYPES.includes(type)) {
      problems.push({
        path: '--event',
        message: `"${value}" is not TYPE@DATE with a known type, e.g. follow_up_reply@2025-03-01; types: ${EVENT_TYPES.join(', ')}`,
      });
      return [];
    }
    return [{ type, at: value.slice(at + 1) }];
  });
  if (problems.length > 0) throw new InputError(problems);
  return events;
}

/** Scores the lead from the flags, or undefined when none of the lead-score flags was given. */
export function leadScoreFromFlags(
  values: Values,
  disqualifying: { competitor?: boolean | undefined; student?: boolean | undefined },
  now: string,
): LeadScore | undefined {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const rawEvents = Array.isArray(values.event) ? values.event.map(String) : [];
  const given = ['icp-fit', 'title', 'email'].some((f) => str(f) !== undefined) || rawEvents.length > 0;
  if (!given) return undefined;
  const icpFit = icpFitOf(str('icp-fit'));
  const contact = {
    ...(str('title') ? { title: str('title') } : {}),
    ...(str('email') ? { email: str('email') } : {}),
  };
  const fit: LeadFitFacts = {
    ...contactFitFacts(contact),
    ...(icpFit === undefined ? {} : { icpFit }),
    ...(disqualifying.competitor ? { competitor: true } : {}),
    ...(disqualifying.student ? { student: true } : {}),
  };
  const events = eventsOf(rawEvents);
  try {
    return scoreLead({ fit, events, now });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.problems.map((p) => ({
        path: p.path.startsWith('events') ? '--event' : p.path === 'fit.email' ? '--email' : p.path,
        message: p.message,
      })),
    );
  }
}

/** The lead score as CLI text: grade and stage, then fit, engagement and why, one line each. */
export function renderLeadScoreText(score: LeadScore): string {
  const t = leadScoreText(score);
  return `\nLead score ${t.title}\n  ${t.fit}\n  ${t.engagement}\n  ${t.why}\n`;
}
