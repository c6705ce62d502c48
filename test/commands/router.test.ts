import { describe, expect, it } from 'vitest';
import {
  closestSubcommand,
  editDistance,
  type Route,
  routeCommand,
  SUBCOMMANDS,
} from '../../src/commands/router.js';

describe('routeCommand', () => {
  it.each<[string, Route]>([
    ['', { name: 'help', args: '' }],
    ['   ', { name: 'help', args: '' }],
    ['help', { name: 'help', args: '' }],
    ['HELP', { name: 'help', args: '' }],
    ['pipeline', { name: 'pipeline', args: '' }],
    ['crm', { name: 'crm', args: '' }],
    ['qualify Acme', { name: 'qualify', args: 'Acme' }],
    [
      'qualify Acme budget=50k authority=vp timeline="next quarter"',
      { name: 'qualify', args: 'Acme budget=50k authority=vp timeline="next quarter"' },
    ],
    ['sequence', { name: 'sequence', args: '' }],
    ['digest every monday 9am', { name: 'digest', args: 'every monday 9am' }],
    ['import', { name: 'import', args: '' }],
    ['icp', { name: 'icp', args: '' }],
    ['abtest', { name: 'abtest', args: '' }],
    ['ooo until 2027-01-10', { name: 'ooo', args: 'until 2027-01-10' }],
    ['Acme Corp', { name: 'design', args: '', business: 'Acme Corp' }],
    ['  Acme    Corp  ', { name: 'design', args: '', business: 'Acme Corp' }],
    ['"Pipeline Inc"', { name: 'design', args: '', business: 'Pipeline Inc' }],
    ['\u201cPipeline Inc\u201d', { name: 'design', args: '', business: 'Pipeline Inc' }],
    ["'CRM Masters'", { name: 'design', args: '', business: 'CRM Masters' }],
    ['"Pipeline Inc', { name: 'design', args: '', business: 'Pipeline Inc' }],
    ['"🚀 Rocket Sales" extra', { name: 'design', args: 'extra', business: '🚀 Rocket Sales' }],
    ['"Café 🍰🍰 Co"', { name: 'design', args: '', business: 'Café 🍰🍰 Co' }],
    ['design Pipeline Inc', { name: 'design', args: '', business: 'Pipeline Inc' }],
    ['design "Help Scout"', { name: 'design', args: '', business: 'Help Scout' }],
    ['design', { name: 'design', args: '' }],
    ['qualfy', { name: 'suggest', word: 'qualfy', suggestion: 'qualify', args: '' }],
    ['qualfy Acme', { name: 'suggest', word: 'qualfy', suggestion: 'qualify', args: 'Acme' }],
    ['pipline', { name: 'suggest', word: 'pipline', suggestion: 'pipeline', args: '' }],
    ['Sequnce', { name: 'suggest', word: 'Sequnce', suggestion: 'sequence', args: '' }],
    ['cmr', { name: 'suggest', word: 'cmr', suggestion: 'crm', args: '' }],
    ['hlep', { name: 'suggest', word: 'hlep', suggestion: 'help', args: '' }],
    ['digset', { name: 'suggest', word: 'digset', suggestion: 'digest', args: '' }],
    ['Globex', { name: 'design', args: '', business: 'Globex' }],
    ['ARM Holdings', { name: 'design', args: '', business: 'ARM Holdings' }],
    ['ICE', { name: 'design', args: '', business: 'ICE' }],
    ['IBM', { name: 'design', args: '', business: 'IBM' }],
  ])('routes %j', (text, expected) => {
    expect(routeCommand(text)).toEqual(expected);
  });
});

describe('closestSubcommand', () => {
  it('suggests nothing for a word far from every command', () => {
    expect(closestSubcommand('Initech')).toBeUndefined();
  });

  it('knows every subcommand word by its exact spelling', () => {
    for (const name of SUBCOMMANDS) expect(closestSubcommand(name)).toBe(name);
  });
});

describe('editDistance', () => {
  it.each([
    ['qualfy', 'qualify', 1],
    ['cmr', 'crm', 1],
    ['pipeline', 'pipeline', 0],
    ['', 'icp', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
