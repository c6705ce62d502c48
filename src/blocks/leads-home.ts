import type { KnownBlock } from '@slack/types';
import type { Lead } from '../engines/lead.js';
import { designStages } from '../engines/pipeline/index.js';
import { escapeMrkdwn } from './format.js';
import { truncate } from './limits.js';

/** Leads listed per stage before the rest are counted, so a busy rep's Home stays readable. */
const PER_STAGE = 10;
/** Stage groups shown; the Home tab holds 100 blocks shared with the other sections. */
const MAX_GROUPS = 12;

/** The seed's stages in pipeline order, Validation included; custom stage names follow in order of appearance. */
const STAGE_ORDER = designStages({ model: 'field', framework: 'bant' }).map((s) => s.name);
const DISQUALIFIED = 'Disqualified';

function line(lead: Lead): string {
  const last = lead.scoreHistory.at(-1);
  const score = last ? `${last.score}/${last.maxScore}` : 'not scored';
  const verdict = lead.disqualified ? 'disqualified' : (last?.verdict ?? 'not scored');
  return `• *${escapeMrkdwn(truncate(lead.company, 80))}* · ${score} · ${verdict}`;
}

function groups(leads: readonly Lead[]): [string, Lead[]][] {
  const byStage = new Map<string, Lead[]>();
  for (const lead of leads) {
    const stage = lead.disqualified ? DISQUALIFIED : lead.stage;
    byStage.set(stage, [...(byStage.get(stage) ?? []), lead]);
  }
  const rank = (stage: string) => {
    if (stage === DISQUALIFIED) return Number.MAX_SAFE_INTEGER;
    const at = STAGE_ORDER.indexOf(stage);
    return at === -1 ? STAGE_ORDER.length : at;
  };
  return [...byStage.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** The Home tab's "My leads by stage": company, latest score and verdict, grouped in pipeline order. */
export function leadsHomeBlocks(leads: readonly Lead[]): KnownBlock[] {
  const title: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text: '*My leads by stage*' } };
  if (leads.length === 0) {
    return [
      title,
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'No leads yet. Run `/sales-ops qualify Acme` or use the *Qualify a lead* shortcut to score one.',
          },
        ],
      },
    ];
  }
  const shown = groups(leads).slice(0, MAX_GROUPS);
  return [
    title,
    ...shown.map(([stage, inStage]): KnownBlock => {
      const more = inStage.length - PER_STAGE;
      const lines = inStage.slice(0, PER_STAGE).map(line);
      if (more > 0) lines.push(`_…and ${more} more_`);
      const text = `*${escapeMrkdwn(truncate(stage, 80))}* (${inStage.length})\n${lines.join('\n')}`;
      return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
    }),
  ];
}
