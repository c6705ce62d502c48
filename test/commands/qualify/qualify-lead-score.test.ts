import { describe, expect, it } from 'vitest';
import { REP_ID, TEAM_ID, textOf, useQualifyWorkspace } from './qualify-workspace.js';

const ws = useQualifyWorkspace();

const ANSWERS = 'budget=$1.2m amount=50k authority=vp need=high timeline="next quarter"';

const saveProfile = () =>
  ws.app.store.profiles.save(
    TEAM_ID,
    {
      business: 'Acme Corp',
      model: 'inside',
      icp: { industries: ['Fintech'], geography: ['Germany'], companySize: { min: 100, max: 1000 } },
    },
    { by: REP_ID, at: new Date() },
  );

async function qualifyText(args: string, index = 0): Promise<string> {
  await ws.command(`qualify ${args}`);
  return textOf((await ws.reply(index)).body);
}

const icpFitOf = (text: string) => Number(/ICP fit (\d+)\/100/.exec(text)?.[1]);
/** The model's grade letters: A from fit 75, B from 50, C from 25. */
const letterOf = (fit: number) => (fit >= 75 ? 'A' : fit >= 50 ? 'B' : fit >= 25 ? 'C' : 'D');
const fitOf = (text: string) => Number(/fit (\d+) \+ engagement/.exec(text)?.[1]);

describe('the lead score on the qualify scorecard', () => {
  it('shows grade, fit and engagement, each point explained, and follows the facts given', async () => {
    await saveProfile();
    const first = await qualifyText(
      `Globex ${ANSWERS} industry=Fintech country=Germany employees=300 title="VP Sales"`,
    );
    const icpFit = icpFitOf(first);
    expect(icpFit).toBeGreaterThan(0);
    const fit = Math.round(icpFit * 0.6) + 25;
    expect(first).toContain(`Lead score ${letterOf(fit)}2 · Lead, total ${fit + 20} (fit ${fit}`);
    expect(first).toContain(`ICP fit +${Math.round(icpFit * 0.6)} (ICP fit ${icpFit}/100 × 0.6)`);
    expect(first).toContain('Seniority +25 (vp)');
    expect(first).toContain('Engagement 20: Qualified by a rep 2027-01-01 +20 (20 × 0.5^(0/30 days) = 20)');
    expect(first).toContain('2 from engagement 20 ≥ 20');

    // Outside the ICP's industry, an individual contributor: less fit; the same day's re-scoring adds nothing.
    const second = await qualifyText(
      `Globex ${ANSWERS} industry=Retail country=Germany employees=300 title="Software Engineer"`,
      1,
    );
    expect(icpFitOf(second)).toBeLessThan(icpFit);
    expect(fitOf(second)).toBe(Math.round(icpFitOf(second) * 0.6));
    expect(second).toContain('Seniority +0 (individual)');
    expect(second).toContain('Engagement 20: Qualified by a rep 2027-01-01 +20');
    expect((await ws.app.store.leads.find(TEAM_ID, 'Globex'))?.scoreHistory).toHaveLength(2);
  });

  it('shows what is unknown as unknown when no facts are given', async () => {
    const text = await qualifyText(`Initech ${ANSWERS}`);
    expect(text).toContain('Lead score D2 · Lead, total 20 (fit 0 + engagement 20)');
    expect(text).toContain('ICP fit +0 (ICP fit not known; counts 0)');
    expect(text).toContain('Seniority +0 (seniority not known; counts 0)');
  });

  it('refuses an overlong title, naming the field, and stores nothing', async () => {
    const text = await qualifyText(`Initech ${ANSWERS} title="${'x'.repeat(101)}"`);
    expect(text).toContain('title: give 1 to 100 characters, e.g. title="VP Sales"');
    expect(await ws.leadKeys()).toEqual([]);
  });
});
