import { describe, expect, it } from 'vitest';
import { run, usage } from '../../src/cli/qualify.js';
import { collect, inputProblems } from '../support/cli.js';

const BANT = [
  '--framework',
  'bant',
  '--budget',
  'confirmed',
  '--authority',
  'confirmed',
  '--need',
  'confirmed',
];
const NOW = ['--now', '2025-03-01T00:00:00Z'];

async function out(args: string[]): Promise<string> {
  const io = collect();
  expect(await run([...BANT, ...NOW, ...args], io)).toBe(0);
  expect(io.err).toBe('');
  return io.out;
}

describe('sales-ops qualify with lead-score facts', () => {
  it('prints the lead score after the scorecard, each fit and engagement point explained', async () => {
    const text = await out([
      '--icp-fit',
      '80',
      '--title',
      'VP Sales',
      '--email',
      'ana@globex.com',
      '--event',
      'follow_up_reply@2025-01-30T00:00:00Z',
      '--event',
      'rep_qualification@2025-03-01T00:00:00Z',
    ]);
    expect(text.indexOf('Lead score')).toBeGreaterThan(text.indexOf('Verdict:'));
    expect(text).toContain('Lead score A2 · MQL, total 128 (fit 83 + engagement 45)');
    expect(text).toContain(
      'Fit 83: ICP fit +48 (ICP fit 80/100 × 0.6); Seniority +25 (vp); Business e-mail +10 (company domain globex.com)',
    );
    expect(text).toContain('Replied to a follow-up 2025-01-30 +25 (50 × 0.5^(30/30 days) = 25)');
    expect(text).toContain('Qualified by a rep 2025-03-01 +20 (20 × 0.5^(0/30 days) = 20)');
    expect(text).toContain('MQL: total 100 or more with grade B or better (total 128, grade A)');
  });

  it('scores lower for a personal e-mail and a student, and shows unknowns as unknown', async () => {
    const text = await out(['--email', 'ana@gmail.com', '--student']);
    expect(text).toContain('Lead score D3 · Lead, total -45 (fit -45 + engagement 0)');
    expect(text).toContain('ICP fit +0 (ICP fit not known; counts 0)');
    expect(text).toContain('Seniority +0 (seniority not known; counts 0)');
    expect(text).toContain(
      'Personal e-mail -15 (personal domain gmail.com); Student -30 (marked as a student)',
    );
  });

  it('prints no lead score when no lead-score fact is given', async () => {
    expect(await out([])).not.toContain('Lead score');
  });

  it('names the flag and the fix for values it cannot read', async () => {
    const problems = (args: string[]) => inputProblems(run, [...BANT, ...NOW, ...args]);
    expect(await problems(['--icp-fit', '180'])).toEqual([
      { path: '--icp-fit', message: 'must be a score from 0 to 100, e.g. --icp-fit 80' },
    ]);
    const [event] = await problems(['--event', 'replied@2025-01-01']);
    expect(event?.path).toBe('--event');
    expect(event?.message).toContain('"replied@2025-01-01" is not TYPE@DATE with a known type');
    expect(event?.message).toContain('follow_up_reply');
    const [date] = await problems(['--event', 'page_view@yesterday']);
    expect(date?.path).toBe('--event');
    expect(await problems(['--email', 'not-an-address'])).toEqual([
      { path: '--email', message: 'must be an e-mail address such as ana@acme.com' },
    ]);
  });

  it('documents the flags in --help', () => {
    expect(usage()).toContain('--event TYPE@DATE');
    expect(usage()).toContain('--icp-fit N');
  });
});
