import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEAD_SCORING_MODEL,
  type EngagementEvent,
  type LeadFitFacts,
  type LeadScore,
  scoreLead,
} from '../../../src/engines/qualification/index.js';
import { InputError } from '../../../src/errors.js';

const NOW = '2025-06-30T12:00:00Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const events = (...list: [string, number][]): EngagementEvent[] =>
  list.map(([type, age]) => ({ type, at: daysAgo(age) }));

const STRONG_FIT: LeadFitFacts = { icpFit: 90, seniority: 'vp', email: 'ana@acme.com' };

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('scoreLead', () => {
  it.each([
    [0, 50],
    [15, 35.36],
    [30, 25],
    [60, 12.5],
    [90, 6.25],
  ])('halves a form fill every 30 days: %i days old is worth %d', (age, points) => {
    const score = scoreLead({ fit: {}, events: events(['form_submit', age]), now: NOW });
    expect(score.engagement.points).toBe(points);
  });

  it('decays with a configurable half-life', () => {
    const score = scoreLead({ fit: {}, events: events(['form_submit', 15]), now: NOW, halfLifeDays: 15 });
    expect(score.engagement.points).toBe(25);
    expect(score.engagement.breakdown[0]?.detail).toBe('50 × 0.5^(15/15 days) = 25');
  });

  it('keeps an unsubscribe at full weight however old it is', () => {
    const score = scoreLead({ fit: {}, events: events(['unsubscribe', 300]), now: NOW });
    expect(score.engagement.points).toBe(-50);
    expect(score.engagement.breakdown[0]).toMatchObject({ factor: 1, detail: '-50, does not decay' });
  });

  it('uses the Pardot defaults for web activity', () => {
    const score = scoreLead({
      fit: {},
      events: events(
        ['page_view', 0],
        ['link_click', 0],
        ['file_download', 0],
        ['form_error', 0],
        ['email_open', 0],
      ),
      now: NOW,
    });
    expect(score.engagement.breakdown.map((l) => l.points)).toEqual([1, 3, 3, -5, 0]);
    expect(score.engagement.points).toBe(2);
  });

  it('does not count an event after now', () => {
    const score = scoreLead({
      fit: {},
      events: [{ type: 'demo_request', at: '2025-07-01T00:00:00Z' }],
      now: NOW,
    });
    expect(score.engagement.points).toBe(0);
    expect(score.engagement.breakdown[0]?.detail).toBe('after now; not counted');
  });

  it.each<[string, LeadFitFacts, number, string[]]>([
    ['a strong fit', STRONG_FIT, 89, ['icp-fit', 'seniority', 'business-email']],
    ['unknown facts', {}, 0, ['icp-fit', 'seniority']],
    [
      'a personal e-mail domain',
      { icpFit: 50, email: 'ana@Gmail.com' },
      15,
      ['icp-fit', 'seniority', 'personal-email'],
    ],
    [
      'a student e-mail domain',
      { icpFit: 50, email: 'sam@cs.stanford.edu' },
      0,
      ['icp-fit', 'seniority', 'student'],
    ],
    ['a UK academic domain', { email: 'li@ox.ac.uk' }, -30, ['icp-fit', 'seniority', 'student']],
    [
      'a competitor',
      { ...STRONG_FIT, competitor: true },
      -11,
      ['icp-fit', 'seniority', 'business-email', 'competitor'],
    ],
  ])('scores fit for %s', (_case, fit, points, rules) => {
    const score = scoreLead({ fit, events: [], now: NOW });
    expect(score.fit.points).toBe(points);
    expect(score.fit.breakdown.map((l) => l.id)).toEqual(rules);
  });

  it('keeps fit and engagement apart, each summing its own breakdown', () => {
    const score = scoreLead({
      fit: STRONG_FIT,
      events: events(['form_submit', 30], ['page_view', 2], ['webinar_attended', 10]),
      now: NOW,
    });
    const sum = (lines: { points: number }[]) =>
      Math.round(lines.reduce((s, l) => s + l.points, 0) * 100) / 100;
    expect(score.fit.points).toBe(sum(score.fit.breakdown));
    expect(score.engagement.points).toBe(sum(score.engagement.breakdown));
    expect(score.total).toBe(Math.round((score.fit.points + score.engagement.points) * 100) / 100);
  });

  it.each<[string, LeadFitFacts, [string, number][], LeadScore['grade'], LeadScore['stage']]>([
    ['a strong fit with a fresh demo request', STRONG_FIT, [['demo_request', 0]], 'A1', 'sql'],
    ['a strong fit with one fresh form fill', STRONG_FIT, [['form_submit', 0]], 'A2', 'mql'],
    [
      'a strong fit with a few page views',
      STRONG_FIT,
      [
        ['page_view', 1],
        ['page_view', 2],
      ],
      'A3',
      'lead',
    ],
    [
      'a medium fit with a form fill and a webinar',
      { icpFit: 60, seniority: 'manager', email: 'li@beta.io' },
      [
        ['form_submit', 0],
        ['webinar_attended', 0],
      ],
      'B1',
      'mql',
    ],
    [
      'a weak fit however engaged',
      { icpFit: 30, email: 'jo@gmail.com' },
      [
        ['demo_request', 0],
        ['demo_request', 1],
      ],
      'D1',
      'lead',
    ],
    [
      'a C fit with a demo request',
      { icpFit: 40, seniority: 'manager' },
      [['demo_request', 0]],
      'C1',
      'lead',
    ],
  ])('grades and stages %s', (_case, fit, list, grade, stage) => {
    const score = scoreLead({ fit, events: events(...list), now: NOW });
    expect(score.grade).toBe(grade);
    expect(score.stage).toBe(stage);
  });

  it('explains the grade and the stage', () => {
    const score = scoreLead({ fit: STRONG_FIT, events: events(['form_submit', 0]), now: NOW });
    expect(score.gradeReason).toBe('A from fit 89 ≥ 75; 2 from engagement 50 ≥ 20');
    expect(score.stageReason).toBe('MQL: total 100 or more with grade B or better (total 139, grade A)');
    const cold = scoreLead({ fit: {}, events: [], now: NOW });
    expect(cold.gradeReason).toBe('D from fit 0 < 25; 3 from engagement 0 < 20');
    expect(cold.stageReason).toMatch(/^Lead: total 0 with grade D reaches no stage/);
  });

  it('gives the same score for the same input', () => {
    const input = { fit: STRONG_FIT, events: events(['form_submit', 12], ['page_view', 3]), now: NOW };
    expect(scoreLead(input)).toEqual(scoreLead(input));
  });

  it('accepts a workspace model with its own thresholds', () => {
    const model = {
      ...DEFAULT_LEAD_SCORING_MODEL,
      stages: [{ stage: 'mql' as const, minTotal: 50, minGrade: 'D' as const, describe: 'total 50 or more' }],
    };
    expect(scoreLead({ fit: {}, events: events(['form_submit', 0]), now: NOW, model }).stage).toBe('mql');
    expect(scoreLead({ fit: {}, events: events(['form_submit', 0]), now: NOW }).stage).toBe('lead');
  });

  it.each<[string, Parameters<typeof scoreLead>[0], string]>([
    ['an unknown event type', { fit: {}, events: [{ type: 'tweet', at: NOW }], now: NOW }, 'events[0].type'],
    [
      'an event date that is not ISO',
      { fit: {}, events: [{ type: 'page_view', at: 'yesterday' }], now: NOW },
      'events[0].at',
    ],
    ['a now that is not ISO', { fit: {}, events: [], now: '30/06/2025' }, 'now'],
    ['an ICP fit above 100', { fit: { icpFit: 120 }, events: [], now: NOW }, 'fit.icpFit'],
    ['an e-mail without a domain', { fit: { email: 'ana' }, events: [], now: NOW }, 'fit.email'],
    ['a half-life of zero', { fit: {}, events: [], now: NOW, halfLifeDays: 0 }, 'halfLifeDays'],
  ])('rejects %s', (_case, input, path) => {
    expect(problemsOf(() => scoreLead(input))[0]?.path).toBe(path);
  });
});
