import { describe, expect, it } from 'vitest';
import { qualify, renderScorecardText } from '../../../src/engines/qualification/index.js';

describe('renderScorecardText', () => {
  it('prints each criterion with its level, points, status and evidence, then the verdict', () => {
    const card = qualify({
      framework: 'bant',
      answers: {
        budget: { level: 'confirmed', evidence: 'Approved $50k in the Q3 plan' },
        authority: { level: 'partial' },
        need: { level: 'confirmed', evidence: 'Forecast misses cost a quarter' },
        timeline: { level: 'confirmed', evidence: 'Board review on 1 Oct' },
      },
    });
    expect(renderScorecardText(card, 'Acme')).toBe(
      [
        'BANT scorecard for Acme (v1.0.0)',
        '─'.repeat(40),
        '  Budget     Confirmed    1/1  met',
        '             evidence: Approved $50k in the Q3 plan',
        '  Authority  Partial      0/1  below (needs 1)',
        '  Need       Confirmed    1/1  met',
        '             evidence: Forecast misses cost a quarter',
        '  Timeline   Confirmed    1/1  met',
        '             evidence: Board review on 1 Oct',
        '',
        'Score: 3/4 (qualifies at 3/4)',
        'Verdict: QUALIFIED',
        "Qualified: 3/4 meets BANT's bar of 3/4; Authority is still open.",
        '',
        'Missing evidence:',
        '  - Authority: Partial, needs Confirmed (Decision maker identified and engaged, or a sponsor taking us to them)',
        '',
        'Next questions:',
        '  - Authority: Who signs the contract, and who could veto it?',
        '  - Authority: Can we bring the person who signs into the next conversation?',
        '',
      ].join('\n'),
    );
  });

  it('lists disqualification reasons and marks red flags', () => {
    const card = qualify({
      framework: 'meddic',
      answers: { economic_buyer: { level: 'no_access' } },
      facts: { student: true },
    });
    const text = renderScorecardText(card);
    expect(text).toContain('MEDDIC scorecard (v1.0.0)');
    expect(text).toMatch(/Economic buyer +No access +0\/3 +red flag/);
    expect(text).toContain(
      'Disqualification reasons:\n  - No access to the economic buyer (Economic buyer: No access)\n  - Competitor or student (a student)\n',
    );
  });

  it('leaves out sections with nothing in them', () => {
    const card = qualify({
      framework: 'challenger',
      answers: {
        teach: { level: 'acting', evidence: 'a' },
        tailor: { level: 'mobilized', evidence: 'b' },
        take_control: { level: 'driving', evidence: 'c' },
      },
    });
    const text = renderScorecardText(card);
    expect(text).not.toContain('Missing evidence');
    expect(text).not.toContain('Next questions');
    expect(text).not.toContain('Disqualification');
  });
});
