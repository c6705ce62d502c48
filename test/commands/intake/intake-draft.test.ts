import { describe, expect, it } from 'vitest';
import { salvageInto } from '../../../src/commands/intake/draft.js';
import type { IntakeDraft } from '../../../src/views/intake/index.js';
import { stateOf } from '../../views/intake/state.js';

const draft: IntakeDraft = {
  business: 'Acme Corp',
  model: 'hybrid',
  deal: { averageSize: 42000, segment: 'mid-market' },
  icp: { industries: ['Fintech'] },
};

describe('salvaging a step into the draft on Back and Close', () => {
  it('keeps what the person typed when it is valid', () => {
    const next = salvageInto(draft, 1, stateOf({ business: 'Acme Group', model: 'field', dealSize: '50k' }));
    expect(next).toMatchObject({ business: 'Acme Group', model: 'field', deal: { averageSize: 50000 } });
  });

  it('leaves the saved value alone when the typed one is invalid', () => {
    const next = salvageInto(draft, 1, stateOf({ business: 'Acme Corp', model: 'hybrid', dealSize: 'lots' }));
    expect(next.deal?.averageSize).toBe(42000);
  });

  it('clears a value the person emptied, but not one the payload leaves out', () => {
    const next = salvageInto(draft, 1, stateOf({ business: 'Acme Corp', model: 'hybrid', segment: '' }));
    expect(next.deal).toEqual({ averageSize: 42000 });
    expect(next.icp).toEqual({ industries: ['Fintech'] });
  });

  it('changes nothing when the payload reports no input of the step', () => {
    expect(salvageInto(draft, 2, {})).toEqual(draft);
  });
});
