import { describe, expect, it } from 'vitest';
import {
  contactFitFacts,
  engagementOfLead,
  seniorityOfTitle,
} from '../../../src/engines/qualification/lead-engagement.js';

describe('seniorityOfTitle', () => {
  it.each([
    ['CEO', 'c_level'],
    ['Co-Founder & CTO', 'c_level'],
    ['VP Sales', 'vp'],
    ['Executive Vice President, Operations', 'vp'],
    ['Head of Growth', 'vp'],
    ['Director of Finance', 'director'],
    ['Marketing Manager', 'manager'],
    ['Software Engineer', 'individual'],
    ['Account Executive', 'individual'],
  ])('reads %s as %s', (title, seniority) => {
    expect(seniorityOfTitle(title)).toBe(seniority);
  });

  it('leaves a title that names no seniority, or no title, unknown', () => {
    expect(seniorityOfTitle('Evangelist')).toBeUndefined();
    expect(seniorityOfTitle(undefined)).toBeUndefined();
    expect(contactFitFacts({ title: 'Evangelist' })).toEqual({});
    expect(contactFitFacts({ title: 'CFO', email: 'ana@globex.com' })).toEqual({
      seniority: 'c_level',
      email: 'ana@globex.com',
    });
  });
});

describe('engagementOfLead', () => {
  const entry = (at: string, verdict: 'qualified' | 'nurture' | 'disqualified' = 'qualified') => ({
    at,
    score: 3,
    maxScore: 4,
    verdict,
  });

  it('counts one qualification a day, skips disqualifications and adds the reply', () => {
    const events = engagementOfLead({
      scoreHistory: [
        entry('2027-01-01T09:00:00.000Z', 'nurture'),
        entry('2027-01-01T15:00:00.000Z'),
        entry('2027-01-03T10:00:00.000Z', 'disqualified'),
        entry('2027-01-05T10:00:00.000Z'),
      ],
      replied: { at: '2027-01-04T08:00:00.000Z', stepKey: 's1' },
    });
    expect(events).toEqual([
      { type: 'rep_qualification', at: '2027-01-01T15:00:00.000Z' },
      { type: 'rep_qualification', at: '2027-01-05T10:00:00.000Z' },
      { type: 'follow_up_reply', at: '2027-01-04T08:00:00.000Z' },
    ]);
  });

  it('finds no engagement in a lead with no history', () => {
    expect(engagementOfLead({ scoreHistory: [] })).toEqual([]);
  });
});
