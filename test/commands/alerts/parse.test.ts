import { describe, expect, it } from 'vitest';
import { parseAlerts } from '../../../src/commands/alerts/parse.js';

describe('the alerts grammar', () => {
  it.each([
    ['', { kind: 'show' }],
    ['list', { kind: 'show' }],
    ['<#C0ALERTS01|deal-alerts>', { kind: 'channel', channelId: 'C0ALERTS01' }],
    ['<#C0ALERTS01>', { kind: 'channel', channelId: 'C0ALERTS01' }],
    ['here', { kind: 'here' }],
    ['quiet 19:00-7:30', { kind: 'quiet', start: '19:00', end: '07:30' }],
    ['quiet 18:00 to 08:00', { kind: 'quiet', start: '18:00', end: '08:00' }],
    ['link https://crm.example/d/{id}', { kind: 'link', url: 'https://crm.example/d/{id}' }],
    ['link <https://crm.example/d/{id}>', { kind: 'link', url: 'https://crm.example/d/{id}' }],
    [
      'map "Moses Frase" <@U0MOSES001|moses>',
      { kind: 'map', owner: 'Moses Frase', person: { userId: 'U0MOSES001' } },
    ],
    [
      'map \u201cMoses Frase\u201d @moses',
      { kind: 'map', owner: 'Moses Frase', person: { handle: 'moses' } },
    ],
    ['off big-win', { kind: 'rule', rule: 'big-win', on: false }],
    ['ON Stuck', { kind: 'rule', rule: 'stuck', on: true }],
  ])('reads %j', (text, expected) => {
    expect(parseAlerts(text)).toEqual(expected);
  });

  it.each([
    '#deal-alerts',
    'quiet 19:00',
    'quiet 07:00-07:00',
    'quiet 24:00-08:00',
    'link https://crm.example/deals',
    'link ftp://crm.example/{id}',
    'map Moses <@U1>',
    'map "Moses Frase"',
    'map "" <@U1>',
    'off',
    'off everything',
    'please',
  ])('answers %j with how to fix it', (text) => {
    const parsed = parseAlerts(text);
    expect(parsed.kind).toBe('error');
    expect('message' in parsed ? parsed.message : '').toMatch(/sales-ops|rules|quotes|Mention/);
  });
});
