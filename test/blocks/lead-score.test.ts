import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadScoreBlocks } from '../../src/blocks/lead-score.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { type EngagementEvent, SENIORITIES, scoreLead } from '../../src/engines/qualification/index.js';

const NOW = '2027-01-01T05:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe('lead score blocks', () => {
  it('show the grade and stage, each fit point and each decayed engagement point', () => {
    const score = scoreLead({
      fit: { icpFit: 90, seniority: 'director', email: 'ana@globex.com' },
      events: [
        { type: 'rep_qualification', at: daysBefore(30) },
        { type: 'follow_up_reply', at: daysBefore(0) },
      ],
      now: NOW,
    });
    const blocks = leadScoreBlocks(score);
    const text = textOf(blocks);
    expect(text).toContain('*Lead score A1 · MQL, total 144 (fit 84 + engagement 60)*');
    expect(text).toContain('ICP fit +54 (ICP fit 90/100 × 0.6); Seniority +20 (director)');
    expect(text).toContain('Business e-mail +10 (company domain globex.com)');
    expect(text).toContain('Qualified by a rep 2026-12-02 +10 (20 × 0.5^(30/30 days) = 10)');
    expect(text).toContain('Replied to a follow-up 2027-01-01 +50 (50 × 0.5^(0/30 days) = 50)');
    expect(text).toContain('MQL: total 100 or more with grade B or better (total 144, grade A)');
    expect(checkMessage({ text: 'Lead score', blocks })).toEqual({ ok: true });
  });

  it('escape what Slack would read as markup', () => {
    const score = scoreLead({ fit: {}, events: [], now: NOW });
    const text = textOf(leadScoreBlocks(score));
    expect(text).toContain('fit 0 &lt; 25');
    expect(text).toContain('Engagement 0: no recorded engagement');
  });

  it('stay within Slack’s limits however many events a lead has', () => {
    const event = fc.record({
      type: fc.constantFrom('rep_qualification', 'follow_up_reply', 'page_view', 'unsubscribe'),
      at: fc.integer({ min: 0, max: 2000 }).map(daysBefore),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 400 }),
        fc.option(fc.constantFrom(...SENIORITIES), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (events: EngagementEvent[], seniority, icpFit) => {
          const blocks = leadScoreBlocks(scoreLead({ fit: { seniority, icpFit }, events, now: NOW }));
          expect(checkMessage({ text: 'Lead score', blocks })).toEqual({ ok: true });
        },
      ),
      { numRuns: 60 },
    );
  });
});
