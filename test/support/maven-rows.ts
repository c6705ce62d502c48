import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AGENTS = ['Moses Frase', 'Darcel Schlecht', 'Anna Snelling', 'Vicki Laflamme'];
const PRODUCTS = ['GTX Plus Basic', 'GTXPro', 'MG Special', 'GTK 500'];

/**
 * A Maven-shaped sales_pipeline.csv of `rows` open deals engaged years ago with no close value: every
 * row is stale and has missing fields, so the hygiene audit finds more issues than rows.
 */
export function mavenRows(rows: number): string {
  const lines = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  for (let i = 0; i < rows; i += 1) {
    const id = i.toString(36).toUpperCase().padStart(8, '0');
    lines.push(`${id},${AGENTS[i % 4]},${PRODUCTS[i % 4]},Account ${i % 700},Engaging,2016-10-20,,`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes mavenRows(rows) to a temporary sales_pipeline.csv and returns its path. */
export function mavenFile(rows: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'maven-')), 'sales_pipeline.csv');
  writeFileSync(path, mavenRows(rows));
  return path;
}
