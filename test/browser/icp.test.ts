import { describe, expect, it } from 'vitest';
import { useSandbox } from './browser.js';

const s = useSandbox('icp');

describe('the sandbox page: two people editing the ICP card', () => {
  it('lets Ana and Ben edit sections of one card, which updates in place and names both', async () => {
    const { page } = s;
    await page.getByLabel('Message').fill('/sales-ops icp Acme Corp');
    await page.getByRole('button', { name: 'Send' }).click();
    const cards = page.locator('.msg', { hasText: 'Ideal customer profile: Acme Corp' });
    const card = cards.first();
    await card.waitFor({ timeout: 15_000 });
    const pains = card.locator('[data-block="icp_s_painPoints"]');
    expect(await pains.textContent()).toContain('not set yet');
    await s.shot('card-posted');

    // Ana: the Edit button of Pain points, through its modal.
    await pains.getByRole('button', { name: 'Edit' }).click();
    const painModal = page.getByRole('dialog', { name: 'Edit Pain points' });
    await painModal.waitFor();
    await painModal.locator('textarea').fill('Manual reporting\nSlow quoting');
    await s.shot('ana-edits-pain-points');
    await painModal.getByRole('button', { name: 'Save' }).click();
    await painModal.waitFor({ state: 'detached' });
    await expect.poll(() => pains.textContent(), { timeout: 15_000 }).toContain('Slow quoting');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/by @Ana García · last change/);
    await s.shot('card-after-ana');

    // Ben: the switcher, then Industries through its Edit button.
    await page.getByRole('button', { name: 'Ben Okafor' }).click();
    await expect.poll(() => page.locator('.person.active').textContent()).toBe('Ben Okafor');
    const industries = card.locator('[data-block="icp_s_industries"]');
    await expect.poll(() => industries.textContent(), { timeout: 15_000 }).toContain('not set yet');
    await industries.getByRole('button', { name: 'Edit' }).click();
    const industryModal = page.getByRole('dialog', { name: 'Edit Industries' });
    await industryModal.waitFor();
    await industryModal.locator('textarea').fill('B2B SaaS\nLogistics');
    await industryModal.getByRole('button', { name: 'Save' }).click();
    await industryModal.waitFor({ state: 'detached' });
    await expect.poll(() => industries.textContent(), { timeout: 15_000 }).toContain('Logistics');

    // Ben adds to Ana's list through the section's overflow menu; her items stay.
    await card.locator('[data-block="icp_a_painPoints"] select.overflow').selectOption({ label: 'Edit' });
    await painModal.waitFor();
    expect(await painModal.locator('textarea').inputValue()).toBe('Manual reporting\nSlow quoting');
    await painModal.locator('textarea').fill('Manual reporting\nSlow quoting\nNo pipeline visibility');
    await painModal.getByRole('button', { name: 'Save' }).click();
    await painModal.waitFor({ state: 'detached' });
    await expect
      .poll(() => pains.textContent(), { timeout: 15_000 })
      .toMatch(/Manual reporting[\s\S]*Slow quoting[\s\S]*No pipeline visibility/);
    const painFooter = card.locator('[data-block="icp_c_painPoints"]');
    await expect
      .poll(() => painFooter.textContent(), { timeout: 15_000 })
      .toMatch(/by @Ana García, @Ben Okafor/);
    expect(await cards.count()).toBe(1);
    await s.shot('card-after-ben');

    // Ana sees the same card, with both contributors.
    await page.getByRole('button', { name: 'Ana García' }).click();
    await expect.poll(() => page.locator('.person.active').textContent()).toBe('Ana García');
    await expect.poll(() => industries.textContent(), { timeout: 15_000 }).toContain('B2B SaaS');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/by @Ana García, @Ben Okafor/);
    expect(await cards.count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 1900 });
    await s.shot('card-seen-by-ana', { locator: card });
  }, 120_000);
});
