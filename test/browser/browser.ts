import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/sandbox.js';
import { deleteKeysUnder, openTestRedis, randomPrefix, TEST_REDIS_URL } from '../support/redis.js';

/** Debian's chromium package; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where each step's screenshot goes (git-ignored), one folder per test file. */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser');

/** The sandbox on a fresh key prefix, and a person's browser on its page. */
export interface BrowserSandbox {
  sandbox: Sandbox;
  page: Page;
  /** Saves a screenshot of the page (or one element) as `NN-name.png` and returns its path. */
  shot(name: string, target?: { locator: ReturnType<Page['locator']> }): Promise<string>;
  stop(): Promise<void>;
}

/** Fails with what to install when the browser is missing, instead of a cryptic launch error. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM}; install it with: apt-get update && apt-get install -y chromium`,
    );
}

/** Starts a sandbox with its own Redis prefix and opens its page in headless Chromium with an empty profile. */
export async function openSandbox(
  suite: string,
  options: { sampleDeals?: boolean } = {},
): Promise<BrowserSandbox> {
  requireChromium();
  const prefix = randomPrefix();
  const sandbox = await startSandbox({
    redisUrl: TEST_REDIS_URL,
    prefix,
    logLevel: 'silent',
    sampleDeals: options.sampleDeals ?? false,
  });
  const profile = await mkdtemp(join(tmpdir(), 'sales-ops-chromium-'));
  let context: BrowserContext | undefined;
  let browser: Browser | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 860 },
      timezoneId: 'Europe/Madrid',
      locale: 'en-GB',
    });
    browser = context.browser() ?? undefined;
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(sandbox.pageUrl);
  const folder = join(ARTIFACTS, suite);
  await mkdir(folder, { recursive: true });
  let step = 0;
  return {
    sandbox,
    page,
    async shot(name, target) {
      step += 1;
      const path = join(folder, `${String(step).padStart(2, '0')}-${name}.png`);
      if (target) await target.locator.screenshot({ path });
      else await page.screenshot({ path });
      return path;
    },
    async stop() {
      await context?.close();
      await browser?.close();
      await rm(profile, { recursive: true, force: true });
      await sandbox.stop();
      const redis = openTestRedis();
      await deleteKeysUnder(redis, prefix);
      await deleteKeysUnder(redis, `{${prefix}-jobs}`);
      await redis.quit();
    },
  };
}

/**
 * Opens a sandbox before the file's tests and stops it after them; the returned object reads the live
 * sandbox, so a test file needs no setup of its own.
 */
export function useSandbox(
  suite: string,
  options: { sampleDeals?: boolean } = {},
  startTimeoutMs = 60_000,
): BrowserSandbox {
  let current: BrowserSandbox | undefined;
  beforeAll(async () => {
    current = await openSandbox(suite, options);
  }, startTimeoutMs);
  afterAll(async () => {
    await current?.stop();
  });
  const live = (): BrowserSandbox => {
    if (!current) throw new Error(`the ${suite} sandbox did not start`);
    return current;
  };
  return {
    get sandbox() {
      return live().sandbox;
    },
    get page() {
      return live().page;
    },
    shot: (name, target) => live().shot(name, target),
    stop: () => live().stop(),
  };
}
