import { describe, expect, it } from 'vitest';
import { dealsAsOf } from '../../../src/engines/dashboard/index.js';
import type { Deal } from '../../../src/engines/deal.js';
import { DEALS, SEED } from './fixtures.js';

const byId = (deals: Deal[], id: string) => deals.find((d) => d.id === id);

describe('dealsAsOf', () => {
  const then = dealsAsOf(SEED, DEALS, '2026-10-05T00:00:00Z');

  it('leaves out deals created later', () => {
    expect(then.map((d) => d.id)).toEqual(['won1', 'won2', 'won3', 'won4', 'lost1', 'lost2', 'open1']);
  });

  it('keeps deals closed by then as they are', () => {
    expect(byId(then, 'won1')).toBe(DEALS[0]);
    expect(byId(then, 'lost2')?.status).toBe('lost');
  });

  it('reopens a deal that closed later, in the last stage it had entered', () => {
    expect(byId(then, 'won3')).toMatchObject({
      status: 'open',
      stage: 'Proposal',
      history: [
        { stage: 'Lead', enteredAt: '2026-09-01' },
        { stage: 'Proposal', enteredAt: '2026-09-11' },
      ],
    });
    expect(byId(then, 'won3')?.closedAt).toBeUndefined();
    expect(byId(then, 'won4')).toMatchObject({ status: 'open', stage: 'Lead' }); // Proposal only on 6 Oct
  });

  it('moves an open deal back to the stage it was in', () => {
    const early = dealsAsOf(SEED, DEALS, '2026-09-25T00:00:00Z');
    expect(byId(early, 'open1')).toMatchObject({ status: 'open', stage: 'Lead' });
  });

  it('keeps a deal with no date at all, since nothing says when it started', () => {
    const undated: Deal = { id: 'u', stage: 'Lead', status: 'open', history: [] };
    expect(dealsAsOf(SEED, [undated], '2000-01-01')).toEqual([undated]);
  });

  it('refuses a date it cannot read', () => {
    expect(() => dealsAsOf(SEED, DEALS, 'last week')).toThrow(RangeError);
  });
});
