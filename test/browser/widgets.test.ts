import type { ViewStateValue } from '@slack/bolt';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer } from '../../src/sandbox/page-server.js';
import { createTimeTravel } from '../../src/sandbox/time-travel.js';
import { useBoltApp } from '../sandbox/bolt-app.js';
import { randomPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './browser.js';
import { formView, GALLERY_BLOCKS, pushedView, RICH_TEXT_BLOCK } from './widget-views.js';

// The page against a small Bolt app that uses every element the page draws, beyond what sales-ops needs today.
const bolt = useBoltApp();
let browser: Browser;
let page: Page;
let stopPage: () => Promise<void>;
let redis: Redis;
let queue: Queue;

beforeAll(async () => {
  requireChromium();
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  queue = new Queue('reminders', { connection: redis, prefix: `{${randomPrefix()}-jobs}` });
  const server = await startPageServer({
    slack: bolt.standIn,
    people: [
      { id: 'U0ANA', name: 'ana', realName: 'Ana Ruiz' },
      { id: 'U0BEN', name: 'ben', realName: 'Ben Okafor' },
    ],
    channel: { id: 'C0SALES', name: 'sales' },
    timeTravel: createTimeTravel(queue, async (job) => job.name),
    port: 0,
  });
  stopPage = server.stop;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ timezoneId: 'Europe/Madrid', locale: 'en-GB' });
  await page.goto(server.url);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stopPage?.();
  await queue?.close();
  await redis?.quit();
});

/** The one browser global the test reads, typed here because the project compiles without the DOM lib. */
type BrowserWindow = { getComputedStyle(element: unknown): { fontFamily: string } };
type Values = Record<string, Record<string, ViewStateValue>>;

describe('the sandbox page: Block Kit it draws and the payloads it sends', () => {
  it('draws mrkdwn, fields, rich text and actions, and turns clicks and picks into block_actions', async () => {
    const actions: { id: string; value?: string }[] = [];
    bolt.hooks.command = async ({ ack, client, command }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: 'Gallery', blocks: GALLERY_BLOCKS });
    };
    bolt.hooks.action = async ({ ack, action, body, client }) => {
      await ack();
      const picked = 'selected_option' in action ? action.selected_option?.value : undefined;
      actions.push({ id: 'action_id' in action ? action.action_id : '', ...(picked && { value: picked }) });
      if (
        'action_id' in action &&
        action.action_id === 'pick' &&
        body.channel &&
        'message' in body &&
        body.message
      )
        await client.chat.update({
          channel: body.channel.id,
          ts: body.message.ts,
          text: `You picked ${picked}`,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `You picked *${picked}*` } }],
        });
    };
    await page.getByLabel('Message').fill('/sales-ops gallery');
    await page.getByRole('button', { name: 'Send' }).click();
    const message = page.locator('.msg', { hasText: 'Widget gallery' });
    await message.waitFor({ timeout: 5000 });
    expect(await message.locator('.blocks b').first().textContent()).toBe('bold');
    expect(await message.locator('.blocks i').first().textContent()).toBe('italic');
    expect(await message.locator('.blocks s').first().textContent()).toBe('struck');
    expect(await message.locator('code').first().textContent()).toBe('inline');
    const block = message.locator('pre.code');
    expect(await block.textContent()).toBe('const total = 1 < 2;');
    expect(
      await block.evaluate((el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).fontFamily),
    ).toMatch(/mono/i);
    expect(await message.getByRole('link', { name: 'the docs' }).getAttribute('href')).toBe(
      'https://example.com/docs',
    );
    expect(await message.locator('.mention').first().textContent()).toBe('@Ben Okafor');
    expect(await message.locator('time.slack-date').textContent()).toBe('2026-01-01');
    expect(await message.locator('.b-fields').textContent()).toContain('$50,000');
    // A string, so the test runner leaves the browser's own dynamic import alone.
    const rich = await page.evaluate(
      `import('/blocks.js').then((m) => m.blocks([${JSON.stringify(RICH_TEXT_BLOCK)}], { names: {}, people: [] }))`,
    );
    expect(rich).toContain(
      '<ul style="margin-left:0em"><li><b>first point</b></li><li>second point</li></ul>',
    );
    expect(rich).toContain('<pre class="code">SELECT 1;</pre>');

    await message.getByRole('button', { name: 'Ping' }).click();
    await message.getByLabel('More actions').selectOption('archive');
    await expect.poll(() => actions.map((a) => a.id)).toEqual(['ping', 'more']);
    expect(actions[1]?.value).toBe('archive');

    await message.locator('select[data-action-id="pick"]').selectOption('gold');
    const updated = page.locator('.msg', { hasText: 'You picked gold' });
    // chat.update replaces the message where it stands.
    await updated.waitFor({ timeout: 5000 });
    expect(await page.locator('.msg').count()).toBe(1);
    expect(await updated.textContent()).toContain('(edited)');
  });

  it('fills every input type, shows client and app errors under their fields, stacks views and sends view_closed', async () => {
    const submitted: Values[] = [];
    const closed: string[] = [];
    bolt.hooks.command = async ({ ack, client, command }) => {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: formView() });
    };
    bolt.hooks.view = async ({ ack, body, view }) => {
      if (body.type === 'view_closed') {
        closed.push(view.callback_id);
        await ack();
        return;
      }
      submitted.push(view.state.values);
      const notes = view.state.values.notes?.notes?.value ?? '';
      if (view.callback_id === 'form' && notes.length < 10)
        return ack({ response_action: 'errors', errors: { notes: 'Write at least 10 characters' } });
      const depth = Number(view.private_metadata || '1');
      return ack({ response_action: 'push', view: pushedView(depth + 1) });
    };
    await page.getByLabel('Message').fill('/sales-ops form');
    await page.getByRole('button', { name: 'Send' }).click();
    const form = page.getByRole('dialog', { name: 'Every input' });
    await form.waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Acme');
    await page.getByLabel('Notes').fill('short');
    await page.getByLabel('Seats').fill('twelve');
    await page.getByLabel('Tier').selectOption({ label: 'Gold' });
    await page.getByLabel('Regions').selectOption(['emea', 'amer']);
    await page.getByLabel('Phone').check();
    await page.getByLabel('Onboarding').check();
    await page.getByLabel('Start date').fill('2026-03-02');
    await page.getByLabel('Attachment').setInputFiles({
      name: 'deals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('company,amount\nAcme,50000\n'),
    });
    await page.getByRole('button', { name: 'Next' }).click();
    const seatsError = page.locator('[data-error-for="seats"]');
    await expect.poll(() => seatsError.textContent()).toBe('Enter a number.');
    expect(submitted).toEqual([]);

    await page.getByLabel('Seats').fill('12');
    await page.getByRole('button', { name: 'Next' }).click();
    const notesError = page.locator('[data-error-for="notes"]');
    await expect.poll(() => notesError.textContent()).toBe('Write at least 10 characters');
    expect(await seatsError.textContent()).toBe('');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Acme');

    await page.getByLabel('Notes').fill('Two teams\nneed onboarding');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Layer 2' }).waitFor();
    const values = submitted.at(-1) ?? {};
    expect(values.name?.name?.value).toBe('Acme');
    expect(values.notes?.notes?.value).toBe('Two teams\nneed onboarding');
    expect(values.seats?.seats?.value).toBe('12');
    expect(values.tier?.tier?.selected_option?.value).toBe('gold');
    expect(values.regions?.regions?.selected_options?.map((o) => o.value)).toEqual(['emea', 'amer']);
    expect(values.channel?.channel?.selected_option?.value).toBe('phone');
    expect(values.extras?.extras?.selected_options?.map((o) => o.value)).toEqual(['onboarding']);
    expect(values.start?.start?.selected_date).toBe('2026-03-02');
    expect(values.file?.file?.files?.map((f) => f.name)).toEqual(['deals.csv']);
    expect(
      bolt.standIn
        .files()
        .find((f) => f.name === 'deals.csv')
        ?.content.toString(),
    ).toContain('Acme,50000');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Layer 3' }).waitFor();
    expect(await page.locator('.modal').getAttribute('data-depth')).toBe('3');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('.ack-problems').textContent()).toContain('push_limit_reached');

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('dialog', { name: 'Layer 2' }).waitFor();
    await expect.poll(() => closed).toEqual(['layer']);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await form.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(closed).toEqual(['layer', 'layer', 'form']);
  });
});
