import { describe, expect, it } from 'vitest';
import {
  type Alert,
  coalesce,
  localDay,
  nextDaySendTime,
  planRecipients,
  sendTime,
} from '../../../src/engines/alerts/index.js';

describe('sendTime', () => {
  it.each([
    ['working hours go at once', '2026-03-10T14:00:00Z', 'Europe/Paris', '2026-03-10T14:00:00.000Z'],
    [
      'the evening waits for 08:00 the next morning',
      '2026-03-10T19:30:00Z',
      'Europe/Paris',
      '2026-03-11T07:00:00.000Z',
    ],
    [
      'the night before 08:00 waits for the same morning',
      '2026-03-10T05:00:00Z',
      'Europe/Paris',
      '2026-03-10T07:00:00.000Z',
    ],
    ['18:00 sharp is quiet', '2026-03-10T17:00:00Z', 'Europe/Paris', '2026-03-11T07:00:00.000Z'],
    ['08:00 sharp is not', '2026-03-10T13:00:00Z', 'America/New_York', '2026-03-10T13:00:00.000Z'],
    [
      'a morning after the spring change is read in summer time',
      '2026-03-08T06:00:00Z',
      'America/New_York',
      '2026-03-08T12:00:00.000Z',
    ],
  ])('%s', (_, now, zone, expected) => {
    expect(sendTime(now, zone)).toBe(expected);
  });

  it('follows quiet hours a team configured, also within one day', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(sendTime('2026-03-10T12:10:00Z', 'UTC', lunch)).toBe('2026-03-10T13:30:00.000Z');
    expect(sendTime('2026-03-10T20:00:00Z', 'UTC', lunch)).toBe('2026-03-10T20:00:00.000Z');
    expect(() => sendTime('2026-03-10T20:00:00Z', 'UTC', { start: '25:00', end: '08:00' })).toThrow(/25:00/);
  });

  it('moves a person already sent to today to the next morning, and days are local', () => {
    expect(nextDaySendTime('2026-03-10T10:00:00Z', 'Asia/Tokyo')).toBe('2026-03-10T23:00:00.000Z');
    expect(localDay('2026-03-10T23:00:00.000Z', 'Asia/Tokyo')).toBe('2026-03-11');
  });
});

const alert = (i: number, amount?: number): Alert => ({
  key: `al-${i}`,
  rule: 'stuck',
  dealId: `D${String(i).padStart(3, '0')}`,
  stage: 'Engaging',
  state: 's',
  text: 't',
  toChannel: false,
  ...(amount === undefined ? {} : { amount }),
});

describe('coalesce', () => {
  it('lists up to 50 alerts, largest amount first', () => {
    const result = coalesce([alert(1, 10), alert(2), alert(3, 500)]);
    expect(result.kind === 'list' && result.alerts.map((a) => a.dealId)).toEqual(['D003', 'D001', 'D002']);
    expect(coalesce(Array.from({ length: 50 }, (_, i) => alert(i, i))).kind).toBe('list');
  });

  it('sums up 51 alerts as the top 10 by amount and the other 41 to show on request', () => {
    const result = coalesce(Array.from({ length: 51 }, (_, i) => alert(i, i * 100)));
    if (result.kind !== 'summary') throw new Error('expected a summary');
    expect(result.total).toBe(51);
    expect(result.top.map((a) => a.amount)).toEqual([
      5000, 4900, 4800, 4700, 4600, 4500, 4400, 4300, 4200, 4100,
    ]);
    expect(result.rest).toHaveLength(41);
  });
});

describe('planRecipients', () => {
  const directory = [
    { id: 'U0MOSES', email: 'moses@maven.example', names: ['Moses Frase', 'moses'], tz: 'America/Chicago' },
    { id: 'U0ANNA1', names: ['Anna Snelling'], tz: 'Europe/Paris' },
    { id: 'U0ANNA2', names: ['Anna Snelling'] },
    { id: 'U0DARCEL', email: 'darcel@maven.example', names: ['D. Schlecht'] },
  ];

  it('matches by e-mail, then by one real name; two people with one name go to the channel', () => {
    const plan = planRecipients({
      owners: ['darcel@maven.example', 'Moses  Frase', 'Anna Snelling', 'Kami Bicknell'],
      directory,
      mappings: new Map(),
      alertChannel: 'C0ALERTS',
    });
    expect(plan.byOwner.get('darcel@maven.example')).toMatchObject({
      kind: 'user',
      id: 'U0DARCEL',
      via: 'email',
    });
    expect(plan.byOwner.get('Moses  Frase')).toEqual({
      kind: 'user',
      id: 'U0MOSES',
      tz: 'America/Chicago',
      via: 'name',
    });
    expect(plan.byOwner.get('Anna Snelling')).toEqual({ kind: 'channel', id: 'C0ALERTS' });
    expect(plan.unmatched).toEqual(['Anna Snelling', 'Kami Bicknell']);
  });

  it('lets an admin mapping win over a name match, and drops owners with no channel to go to', () => {
    const plan = planRecipients({
      owners: ['Moses Frase', 'Kami Bicknell'],
      directory,
      mappings: new Map([['moses frase', 'U0ANNA1']]),
    });
    expect(plan.byOwner.get('Moses Frase')).toEqual({
      kind: 'user',
      id: 'U0ANNA1',
      tz: 'Europe/Paris',
      via: 'mapping',
    });
    expect(plan.byOwner.has('Kami Bicknell')).toBe(false);
    expect(plan.unmatched).toEqual(['Kami Bicknell']);
  });
});
