import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './browser.js';

const s = useSandbox('blueprint');

describe('the sandbox page: designing a blueprint', () => {
  it('runs the intake with one mistake fixed inline, then shows the blueprint and serves its file', async () => {
    const { page } = s;
    await page.getByLabel('Message').fill('/sales-ops Acme Corp');
    await page.getByRole('button', { name: 'Send' }).click();
    const modal = page.getByRole('dialog', { name: 'Sales design · 1/5' });
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await page.getByLabel('Business name').inputValue()).toBe('Acme Corp');

    await page.getByLabel('Sales model').selectOption({ label: 'Hybrid' });
    await page.getByLabel('Average deal size').fill('lots');
    await s.shot('intake-with-a-mistake');
    await page.getByRole('button', { name: 'Next' }).click();
    const error = page.locator('[data-error-for] >> text=/average deal size/i');
    await error.waitFor();
    expect(await error.textContent()).toContain('try 50k, 1.2 million or 75000 USD');
    await s.shot('inline-error');

    await page.getByLabel('Average deal size').fill('42k');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Sales design · 2/5' }).waitFor();
    await page.getByLabel('Industries').fill('B2B SaaS, Fintech');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Sales design · 3/5' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Sales design · 4/5' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Sales design · 5/5' }).waitFor();
    await s.shot('last-step');
    await page.getByRole('button', { name: 'Build blueprint' }).click();

    const download = page.getByRole('link', { name: /\.txt$/ });
    await download.waitFor({ timeout: 15_000 });
    await s.shot('blueprint-done');
    await page.getByRole('dialog', { name: 'Sales design' }).getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.locator('.messages').textContent()).toContain('Acme Corp');
    await s.shot('blueprint-files');
    await page.locator('.messages').evaluate((list) => {
      (list as unknown as { scrollTop: number }).scrollTop = 0;
    });
    await s.shot('blueprint-summary');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain('SALES OPERATIONS BLUEPRINT');
    expect(text).toContain('Acme Corp');
  }, 90_000);
});
