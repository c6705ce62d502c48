import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** A seeded generator (mulberry32): the same seed always writes the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const MAVEN_PRODUCTS = [
  ['GTX Basic', 550],
  ['GTX Pro', 4821],
  ['MG Special', 55],
  ['MG Advanced', 3393],
  ['GTX Plus Pro', 5482],
  ['GTX Plus Basic', 1096],
  ['GTK 500', 26768],
] as const;

const AGENTS = Array.from({ length: 35 }, (_, i) => `Agent ${String.fromCharCode(65 + (i % 26))}${i}`);
const ACCOUNTS = Array.from({ length: 85 }, (_, i) => `Account ${i}`);
const DAY_MS = 86_400_000;
const FIRST_ENGAGE = Date.UTC(2016, 9, 20);
const LAST_DAY = Date.UTC(2017, 11, 31);
const ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Writes a Maven-shaped sales_pipeline.csv of `rows` deals (the sample's mix: 6% Prospecting, 18% Engaging, 48%
 * Won, 28% Lost; engage dates from October 2016, closes 1–138 days later, none after 2017-12-31) and a
 * products.csv beside it.
 */
export async function writeMavenFile(
  path: string,
  productsPath: string,
  rows: number,
  seed = 12,
): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const products = createWriteStream(productsPath);
  products.end(
    `product,series,sales_price\n${MAVEN_PRODUCTS.map(([p, price]) => `${p},GTX,${price}`).join('\n')}\n`,
  );
  await once(products, 'close');
  const out = createWriteStream(path);
  out.write('opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n');
  const span = Math.floor((LAST_DAY - FIRST_ENGAGE) / DAY_MS) - 3;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    let id = '';
    for (let c = 0, n = i * 2_654_435_761 + seed; c < 8; c++, n = Math.floor(n / 36)) id += ID_CHARS[n % 36];
    const [product, price] = pick(MAVEN_PRODUCTS);
    const roll = next();
    const stage = roll < 0.06 ? 'Prospecting' : roll < 0.24 ? 'Engaging' : roll < 0.72 ? 'Won' : 'Lost';
    const engage = FIRST_ENGAGE + Math.floor(next() * span) * DAY_MS;
    const close = Math.min(LAST_DAY, engage + (1 + Math.floor(next() * next() * 138)) * DAY_MS);
    const closed = stage === 'Won' || stage === 'Lost';
    const value = stage === 'Won' ? Math.round(price * (0.8 + next() * 0.4)) : 0;
    chunk += `${id},${pick(AGENTS)},${product},${pick(ACCOUNTS)},${stage},${stage === 'Prospecting' ? '' : day(engage)},${closed ? day(close) : ''},${closed ? value : ''}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}
