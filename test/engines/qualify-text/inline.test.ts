import { describe, expect, it } from 'vitest';
import {
  answersEveryCriterion,
  chooseFramework,
  type InlineContext,
  parseInlineQualify,
} from '../../../src/engines/qualify-text/index.js';
import { InputError } from '../../../src/errors.js';

// 10:00 on Tuesday 24 November 2026 in Los Angeles.
const clock = { now: new Date('2026-11-24T18:00:00Z'), timeZone: 'America/Los_Angeles' };
const bant: InlineContext = { framework: 'bant', clock, dealSize: 40_000 };

const levelOf = (text: string, context: InlineContext = bant) => {
  const { answers } = parseInlineQualify(`Acme ${text}`, context);
  return Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.level]));
};

const problemOf = (text: string, context: InlineContext = bant): string => {
  try {
    parseInlineQualify(text, context);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
};

describe('reading inline BANT answers', () => {
  it.each([
    ['budget=50k', 'confirmed'],
    ['budget=$40,000', 'confirmed'],
    ['budget=25k', 'partial'],
    ['budget=approved', 'confirmed'],
    ['budget=exploring', 'partial'],
    ['budget=pending', 'partial'],
    ['budget="not approved"', 'partial'],
    ['budget=none', 'red_flag'],
    ['budget=0', 'red_flag'],
    ['budget=confirmed', 'confirmed'],
    ['budget="Red flag"', 'red_flag'],
    ['authority=vp', 'confirmed'],
    ['authority="VP Sales"', 'confirmed'],
    ['authority=CFO', 'confirmed'],
    ['authority=founder', 'confirmed'],
    ['authority="economic buyer"', 'confirmed'],
    ['authority="Director of IT"', 'confirmed'],
    ['authority="general manager"', 'confirmed'],
    ['authority=manager', 'partial'],
    ['authority=champion', 'partial'],
    ['authority=intern', 'red_flag'],
    ['authority=none', 'red_flag'],
    ['need=high', 'confirmed'],
    ['need=critical', 'confirmed'],
    ['need=medium', 'partial'],
    ['need=low', 'red_flag'],
    ['need=none', 'red_flag'],
    ['timeline="in 3 weeks"', 'confirmed'],
    ['timeline="Dec 15"', 'confirmed'],
    ['timeline=2027-02-22', 'confirmed'],
    ['timeline=2027-02-23', 'partial'],
    ['timeline="next quarter"', 'partial'],
    ['timeline=Q4', 'confirmed'],
    ['timeline="Q3 2027"', 'partial'],
    ['timeline=2028-06-30', 'unknown'],
    ['timeline=asap', 'confirmed'],
    ['timeline="no timeline"', 'red_flag'],
    ['timeline=never', 'red_flag'],
  ])('%s → %s', (text, level) => {
    const [key] = text.split('=');
    expect(levelOf(text)[key ?? '']).toBe(level);
  });

  it('compares a budget with the amount the text gives before the workspace deal size', () => {
    expect(levelOf('budget=50k amount=$1.2m')).toEqual({ budget: 'partial' });
    expect(levelOf('budget=$1.2m amount=1,200,000')).toEqual({ budget: 'confirmed' });
  });

  it('takes any budget as confirmed when no deal size is known, and says so', () => {
    const inline = parseInlineQualify('Acme budget=50k', { framework: 'bant', clock });
    expect(inline.answers.budget).toEqual({
      level: 'confirmed',
      evidence: 'Budget $50,000; no deal size to compare it with',
    });
  });

  it('keeps what the value said as evidence', () => {
    const inline = parseInlineQualify('Acme budget=€50k authority=vp timeline="next quarter"', bant);
    expect(inline.answers).toEqual({
      budget: { level: 'confirmed', evidence: 'Budget €50,000 covers the €40,000 deal' },
      authority: { level: 'confirmed', evidence: 'Stated as "vp"' },
      timeline: { level: 'partial', evidence: 'Decision by 2027-03-31 (Q1 2027), 127 days away' },
    });
  });

  it('reads the lead’s own fields', () => {
    expect(
      parseInlineQualify(
        '"Acme Co" domain=https://www.Acme.com/about contact="Ana Ruiz" amount=$1.2m source=webinar',
        bant,
      ),
    ).toEqual({
      company: 'Acme Co',
      framework: 'bant',
      frameworkGiven: false,
      domain: 'acme.com',
      contact: 'Ana Ruiz',
      amount: 1_200_000,
      source: 'webinar',
      answers: {},
    });
  });

  it("keeps their pain, in the buyer's words, apart from the answers' evidence", () => {
    const inline = parseInlineQualify('Acme need=high their_pain="forecasts are always late"', bant);
    expect(inline.theirPain).toBe('forecasts are always late');
    expect(inline.answers.need).toEqual({ level: 'confirmed', evidence: 'Stated as "high"' });
  });

  it('refuses an empty or overlong their_pain with an example', () => {
    for (const value of ['""', `"${'x'.repeat(201)}"`]) {
      const message = problemOf(`Acme their_pain=${value}`);
      expect(message).toContain('their_pain');
      expect(message).toContain('their_pain="month-end close takes two weeks"');
    }
  });

  it('knows when every criterion is answered, so no modal is needed', () => {
    const full = parseInlineQualify('Acme budget=50k authority=vp need=high timeline=Q4', bant);
    expect(answersEveryCriterion(full)).toBe(true);
    expect(answersEveryCriterion(parseInlineQualify('Acme budget=50k', bant))).toBe(false);
    expect(
      answersEveryCriterion(parseInlineQualify('budget=50k authority=vp need=high timeline=Q4', bant)),
    ).toBe(false);
  });
});

describe('another framework', () => {
  it('switches with framework= and reads that framework’s levels and points', () => {
    const inline = parseInlineQualify('Acme framework=MEDDIC economic-buyer=validated champion=3', bant);
    expect(inline.framework).toBe('meddic');
    expect(inline.frameworkGiven).toBe(true);
    expect(inline.answers).toEqual({
      economic_buyer: { level: 'validated' },
      champion: { level: 'confirmed' },
    });
  });

  it('reads Sandler budgets as amounts', () => {
    expect(levelOf('budget=25k', { framework: 'sandler', clock, dealSize: 40_000 })).toEqual({
      budget: 'discussed',
    });
  });
});

describe('values that cannot be read', () => {
  it.each([
    [
      'Acme timeline="someday-ish"',
      'timeline: "someday-ish" is not a date or period; try timeline="next quarter" or timeline=2027-03-31',
    ],
    ['Acme budget=lots', 'budget: "lots" is not an amount; try budget=50k, budget=$1.2m or budget=approved'],
    [
      'Acme need=maybe',
      'need: "maybe" is not a Need answer; try need=high, need=medium or need=low (or a level: red_flag, unknown, partial, confirmed)',
    ],
    ['Acme timeline=2025-01-01', 'timeline: "2025-01-01" (2025-01-01) is already past'],
    [
      'Acme framework=meddic metrics=lots',
      'metrics: "lots" is not a Metrics level; use one of unknown (0), identified (1), validated (2), confirmed (3), e.g. metrics=identified',
    ],
    ['Acme framework=scrum', 'framework: unknown framework "scrum"; use one of bant, meddic'],
    ['Acme domain=acme', 'domain: "acme" is not a domain; try domain=acme.com'],
    ['Acme amount=lots', 'amount: "lots" is not an amount; try amount=50k or amount=$1.2m'],
    ['Acme budget=50k budget=60k', 'budget: answers Budget a second time; give it once'],
    ['Acme domain=a.com domain=b.com', 'domain: is given twice; give it once'],
    ['"!!!" budget=50k', 'company: needs a letter or digit'],
  ])('%s', (text, message) => {
    expect(problemOf(text)).toContain(message);
  });

  it('lists the framework’s criteria for an unknown key, with the closest one', () => {
    expect(problemOf('Acme budgt=50k')).toBe(
      'budgt: is not a BANT criterion or lead field; did you mean budget? BANT asks budget, authority, need, timeline, and a lead also takes framework, company, domain, contact, amount, source, their_pain',
    );
  });

  it('reports every bad value at once', () => {
    expect(problemOf('Acme budget=lots timeline=someday').split('\n')).toHaveLength(2);
  });
});

describe('chooseFramework', () => {
  it.each([
    [{ setting: 'meddic' as const, profileFramework: 'spin' as const }, 'meddic', 'the workspace setting'],
    [{ setting: 'auto' as const, profileFramework: 'spin' as const }, 'spin', 'the business profile'],
    [{ dealSize: 500_000, model: 'field' as const }, 'meddpicc', 'recommended for your deals'],
    [{ dealSize: 5_000 }, 'bant', 'recommended for your deals'],
    [{}, 'bant', 'the default'],
  ])('%j → %s', (input, framework, reason) => {
    const choice = chooseFramework(input);
    expect(choice.framework).toBe(framework);
    expect(choice.reason).toContain(reason);
  });
});
