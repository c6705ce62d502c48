import { createReadStream, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnownBlock } from '@slack/types';
import { appHomeUrl, renderDigest } from '../blocks/digest.js';
import { unescapeMrkdwn } from '../blocks/format.js';
import { appendAll } from '../engines/append.js';
import {
  compareToHistory,
  computeDashboard,
  dealsAsOf,
  isoWeek,
  type MetricId,
  stagesForImport,
  toSnapshot,
} from '../engines/dashboard/index.js';
import type { Deal } from '../engines/deal.js';
import { importDeals, loadProductPrices } from '../import/index.js';
import { funnelChartSvg } from './funnel-chart.js';
import { renderPng } from './png.js';

// The Maven sample kept in the repository under examples/maven-crm/.
const MAVEN = new URL('../../examples/maven-crm/', import.meta.url);
const DOCS = new URL('../../docs/', import.meta.url);
const NOW = '2017-12-25T09:00:00Z';
const DAY = 86_400_000;
const TARGETS: Partial<Record<MetricId, number>> = {
  mqlToSql: 25,
  sqlToOpp: 50,
  closeRate: 60,
  averageDeal: 2500,
  cycleDays: 60,
};

async function mavenDeals(): Promise<Deal[]> {
  const deals: Deal[] = [];
  const productPrices = await loadProductPrices(fileURLToPath(new URL('products.csv', MAVEN)));
  await importDeals(createReadStream(new URL('sales_pipeline.csv', MAVEN)), {
    now: NOW,
    sink: async (batch) => {
      appendAll(deals, batch);
    },
    lookups: { productPrices },
  });
  return deals;
}

/** Block Kit as markdown, close to how Slack shows it, for the README. */
function asMarkdown(blocks: readonly KnownBlock[]): string {
  const mrkdwn = (text: string) =>
    unescapeMrkdwn(text)
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1**$2**')
      .replace(/<([^|>\s]+)\|([^>]+)>/g, '[$2]($1)');
  return blocks
    .map((block) => {
      if (block.type === 'header') return `## ${block.text.text}`;
      if (block.type === 'section') {
        return mrkdwn(block.text?.text ?? '')
          .replace(/^• /gm, '- ')
          .replace(/\n(\*\*[^*\n]+\*\*)\n/g, '\n\n$1\n\n');
      }
      if (block.type === 'context') {
        return block.elements.map((e) => ('text' in e ? `<sub>${mrkdwn(e.text)}</sub>` : '')).join(' ');
      }
      if (block.type === 'image') return `![${block.alt_text}](digest-chart.png)`;
      return '';
    })
    .join('\n\n');
}

/** Renders docs/digest-chart.png and docs/digest-example.md from the Maven sample. */
async function main(): Promise<void> {
  const deals = await mavenDeals();
  const stages = stagesForImport('maven', deals);
  const at = (now: string) =>
    computeDashboard({
      stages,
      deals: dealsAsOf(stages, deals, now),
      now,
      quota: 3_200_000,
      targets: TARGETS,
    });
  const dashboard = at(NOW);
  const history = [1, 2, 3, 4, 5].map((weeks) => {
    const then = new Date(Date.parse(NOW) - weeks * 7 * DAY).toISOString();
    return toSnapshot(at(then), then);
  });
  const week = isoWeek(NOW);
  const comparison = compareToHistory(toSnapshot(dashboard, NOW), history);
  const rows = dashboard.funnel.map((r) => ({ stage: r.stage, count: r.reached, percent: r.percent }));
  const svg = funnelChartSvg(rows, {
    title: `Pipeline funnel · ${week}`,
    subtitle: `Maven CRM sample · ${dashboard.counts.deals.toLocaleString('en-US')} deals`,
  });
  writeFileSync(new URL('digest-chart.png', DOCS), renderPng(svg));
  const message = renderDigest({
    business: 'Maven CRM sample',
    dashboard,
    comparison,
    stuck: dashboard.stuck,
    topBottleneck: dashboard.topBottleneck,
    weekLabel: week,
    appHomeUrl: appHomeUrl('T0EXAMPLE', 'A0EXAMPLE'),
    chartFileId: 'F0EXAMPLE',
  });
  const markdown = [
    '# Weekly digest: an example',
    '',
    `The digest a manager gets on Monday morning, rendered from the Maven CRM sample as of ${NOW} with weekly history rebuilt from the deals' dates (\`node --import tsx src/charts/example.ts\`). In Slack it is one message of ${message.blocks.length} blocks; the notification text is:`,
    '',
    `> ${unescapeMrkdwn(message.text)}`,
    '',
    '---',
    '',
    asMarkdown(message.blocks),
    '',
  ].join('\n');
  writeFileSync(new URL('digest-example.md', DOCS), markdown);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
  process.stdout.write('wrote docs/digest-chart.png and docs/digest-example.md\n');
}
