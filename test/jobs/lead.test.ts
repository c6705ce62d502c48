import { describe, expect, it } from 'vitest';
import { postInstant } from '../../src/jobs/lead.js';

const NOW = Date.parse('2027-03-14T06:58:00Z');
const LEAD = 250;

describe('the instant a job prepared ahead posts at', () => {
  it('is its due instant when the job ran its lead ahead of it', () => {
    expect(postInstant(NOW + 200, NOW, LEAD)).toBe(NOW + 200);
    expect(postInstant(NOW + LEAD, NOW, LEAD)).toBe(NOW + LEAD);
  });

  it('is now for a job run late, given no instant, or promoted on purpose far ahead of it', () => {
    expect(postInstant(NOW - 5, NOW, LEAD)).toBe(NOW);
    expect(postInstant(undefined, NOW, LEAD)).toBe(NOW);
    expect(postInstant(NOW + 60_000, NOW, LEAD)).toBe(NOW);
  });
});
