import { describe, expect, it } from 'vitest';
import { useSandbox } from './browser.js';

const s = useSandbox('qualify');

describe('the sandbox page: qualifying a lead and following up', () => {
  it('scores a lead from the modal, starts a sequence, fast-forwards to the reminder and records the reply', async () => {
    const { page } = s;
    await page.getByLabel('Message').fill('/sales-ops qualify Acme budget=50k');
    await page.getByRole('button', { name: 'Send' }).click();
    const modal = page.getByRole('dialog', { name: 'Qualify a lead' });
    await modal.waitFor();
    expect(await page.getByLabel('Company', { exact: true }).inputValue()).toBe('Acme');
    await page.getByLabel('Authority (optional)').selectOption({ label: 'Confirmed' });
    await page.getByLabel('Need (optional)').selectOption({ label: 'Confirmed' });
    await page.getByLabel('Timeline (optional)').selectOption({ label: 'Partial' });
    await page.getByLabel('Need: evidence').fill('Forecasts miss by 20%; the VP wants it fixed this quarter');
    await page.getByLabel('Deal amount').fill('50000');
    await s.shot('qualify-modal');
    await page.getByRole('button', { name: 'Score lead' }).click();

    const scorecard = page.locator('.msg', { hasText: 'Acme · BANT scorecard' });
    await scorecard.waitFor({ timeout: 15_000 });
    await modal.waitFor({ state: 'detached' });
    expect(await scorecard.textContent()).toMatch(/Budget/);
    await s.shot('scorecard');

    await scorecard.getByRole('button', { name: 'Start follow-up sequence' }).click();
    const next = page.locator('.next-what');
    await expect
      .poll(() => next.textContent(), { timeout: 15_000 })
      .toMatch(/Follow-up for Acme: step 1 of 5/);
    await s.shot('sequence-started');

    await page.getByRole('button', { name: 'Fast-forward' }).click();
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).toMatch(/step 2 of 5/);
    await page.getByRole('button', { name: /sales-ops \(DM\)/ }).click();
    const reminder = page.locator('.msg', { hasText: 'Follow up with Acme' });
    await reminder.waitFor({ timeout: 15_000 });
    await s.shot('reminder-dm');

    await reminder.getByRole('button', { name: 'Lead replied' }).click();
    await expect
      .poll(() => page.locator('.next-job').textContent(), { timeout: 15_000 })
      .toContain('Nothing scheduled');
    await expect.poll(() => reminder.textContent(), { timeout: 15_000 }).toMatch(/replied/i);
    await s.shot('lead-replied');

    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.locator('.home', { hasText: 'Acme' }).waitFor({ timeout: 15_000 });
    await s.shot('home-with-the-lead');
  }, 90_000);
});
