import { describe, expect, it } from 'vitest';
import { matchOwners } from '../../src/jobs/digest-owners.js';

const MEMBERS = [
  { id: 'U0DANA0001', names: ['Dana Reyes', 'dana', 'dana@example.com'] },
  { id: 'U0SAM00001', names: ['Sam Ortiz', 'sam'] },
  { id: 'U0SAM00002', names: ['Sam Ortiz', 'sam.o'] },
];

describe('matchOwners', () => {
  it.each([
    ['Dana Reyes', 'U0DANA0001'],
    ['  dana   reyes ', 'U0DANA0001'],
    ['DANA@example.com', 'U0DANA0001'],
    ['sam.o', 'U0SAM00002'],
  ])('maps the CRM owner "%s" to %s', (owner, id) => {
    expect(matchOwners([owner], MEMBERS).get(owner)).toBe(id);
  });

  it('leaves out owners who match nobody or several people', () => {
    expect(matchOwners(['Sam Ortiz', 'Nobody Here'], MEMBERS)).toEqual(new Map());
  });
});
