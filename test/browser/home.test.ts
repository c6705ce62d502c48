import { describe, expect, it } from 'vitest';
import { useSandbox } from './browser.js';

const s = useSandbox('home');

describe('the sandbox page: people and the Home tab', () => {
  it('shows an ephemeral reply only to the person who asked, and each person their own Home tab', async () => {
    const { page } = s;
    await page.getByLabel('Message').fill('/sales-ops help');
    await page.getByRole('button', { name: 'Send' }).click();
    const help = page.locator('.msg.ephemeral', { hasText: 'Only visible to you' });
    await help.waitFor();
    expect(await help.textContent()).toContain('/sales-ops qualify Acme');

    await page.getByRole('button', { name: 'Ben Okafor' }).click();
    await expect.poll(() => page.locator('.person.active').textContent()).toBe('Ben Okafor');
    await expect.poll(() => page.locator('.msg').count()).toBe(0);

    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const home = page.locator('.home');
    await home.waitFor({ timeout: 15_000 });
    expect(await page.locator('#title').textContent()).toBe('sales-ops · Home');
    expect((await home.textContent())?.length ?? 0).toBeGreaterThan(20);
    expect(s.sandbox.slack.homeOf('U0BEN')).toBeDefined();
    expect(s.sandbox.slack.homeOf('U0ANA')).toBeUndefined();
    await s.shot('home-tab');
  }, 60_000);
});
