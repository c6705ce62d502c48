import { describe, expect, it } from 'vitest';
import { lostFromStage, reachedStage, reachedStages } from '../../../src/engines/pipeline/index.js';
import { deal, SEED } from './fixtures.js';

const names = (flags: boolean[]) => SEED.filter((_, i) => flags[i]).map((s) => s.name);

describe('reachedStages', () => {
  it.each([
    ['an open deal in its first stage', deal('a', 'Lead', 'open'), ['Lead']],
    [
      'an open deal without history: every stage up to its current one',
      deal('b', 'Discovery', 'open'),
      ['Lead', 'Qualified', 'Discovery'],
    ],
    [
      'an open deal sent back to an earlier stage keeps the furthest one reached',
      deal('c', 'Qualified', 'open', {
        history: [
          ['Lead', '2025-01-01'],
          ['Proposal', '2025-02-01'],
          ['Qualified', '2025-03-01'],
        ],
      }),
      ['Lead', 'Qualified', 'Discovery', 'Proposal'],
    ],
    [
      'a won deal without history: everything',
      deal('d', 'Closed Won', 'won'),
      ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won'],
    ],
    [
      'a lost deal whose stage is where it was lost',
      deal('e', 'Proposal', 'lost'),
      ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Closed Lost'],
    ],
    [
      'a lost deal in Closed Lost with history',
      deal('f', 'Closed Lost', 'lost', {
        history: [
          ['Lead', '2025-01-01'],
          ['Qualified', '2025-01-09'],
          ['Closed Lost', '2025-02-01'],
        ],
      }),
      ['Lead', 'Qualified', 'Closed Lost'],
    ],
    [
      'a lost deal in Closed Lost with no history: lost from the first stage',
      deal('g', 'Closed Lost', 'lost'),
      ['Lead', 'Closed Lost'],
    ],
    [
      'a deal marked open but sitting in Closed Won counts as won',
      deal('h', 'Closed Won', 'open'),
      ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won'],
    ],
    ['a deal in an unknown stage only entered the pipeline', deal('i', 'Limbo', 'open'), ['Lead']],
  ])('%s', (_, d, expected) => {
    expect(names(reachedStages(SEED, d))).toEqual(expected);
  });

  it('answers for a single stage', () => {
    const d = deal('x', 'Discovery', 'open');
    expect(reachedStage(SEED, d, 2)).toBe(true);
    expect(reachedStage(SEED, d, 3)).toBe(false);
    expect(reachedStage(SEED, d, 99)).toBe(false);
  });
});

describe('lostFromStage', () => {
  it.each([
    ['its current open stage', deal('a', 'Negotiation', 'lost'), 'Negotiation'],
    [
      'the furthest open stage in its history',
      deal('b', 'Closed Lost', 'lost', { history: [['Discovery', '2025-01-01']] }),
      'Discovery',
    ],
    ['the first stage when nothing else is known', deal('c', 'Closed Lost', 'lost'), 'Lead'],
    ['nothing for an open deal', deal('d', 'Proposal', 'open'), undefined],
    ['nothing for a won deal', deal('e', 'Closed Won', 'won'), undefined],
  ])('is %s', (_, d, expected) => {
    expect(lostFromStage(SEED, d)).toBe(expected);
  });
});
