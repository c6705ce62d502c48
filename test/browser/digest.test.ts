import { describe, expect, it } from 'vitest';
import { useSandbox } from './browser.js';

const s = useSandbox('digest', { sampleDeals: true }, 90_000);

describe('the sandbox page: the weekly digest', () => {
  it('schedules a digest, fast-forwards to it and shows the dashboard with its funnel chart', async () => {
    const { page } = s;
    await page.getByLabel('Message').fill('/sales-ops digest every monday 9am');
    await page.getByRole('button', { name: 'Send' }).click();
    const next = page.locator('.next-what');
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).toBe('Weekly digest in #sales');
    const firstRun = await page.locator('.next-when').textContent();
    expect(firstRun).toMatch(/^Mon /);
    await s.shot('digest-scheduled');

    await page.getByRole('button', { name: 'Fast-forward' }).click();
    const chart = page.locator('.msg figure.file.image img');
    await chart.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThan(100);
    const digest = page.locator('.msg', { hasText: 'Weekly pipeline digest' });
    expect(await digest.count()).toBeGreaterThan(0);
    expect(await page.locator('.messages').textContent()).toMatch(/funnel/i);
    // The scheduler queues the following Monday's run once this one has started.
    await expect.poll(() => page.locator('.next-when').textContent(), { timeout: 15_000 }).not.toBe(firstRun);
    expect(await next.textContent()).toBe('Weekly digest in #sales');
    await chart.scrollIntoViewIfNeeded();
    await s.shot('digest-with-chart');
  }, 90_000);
});
