import type { Design } from '../../design.js';
import { formatPercent } from '../../format.js';
import { formatDays, formatTime, healthText, MARKDOWN_TITLES, modelName, SECTION_TITLES } from '../labels.js';
import { bar } from '../layout/bar.js';
import { orDash } from '../layout/format.js';
import { sanitize } from '../layout/sanitize.js';
import { ASSUMPTION_PATHS, isAssumed, mark } from '../marks.js';
import { crmTable, leadSourcesTable, metricsTable, stagesTable } from '../tables.js';
import { joinList } from '../text/boxes.js';
import { assumptionLines, type RenderOptions } from '../text/render-text.js';
import { facts, heading, joinParts, list, type Part, table } from './md.js';
import {
  cadencePlaybook,
  crmPlaybook,
  qualificationQuestions,
  recommendations,
  stagePlaybook,
} from './playbook.js';

function overview(design: Design, assumed: (p: readonly string[]) => boolean): Part[] {
  const o = design.overview;
  const health: Part[] =
    o.health.parts.length === 0
      ? []
      : [
          ['How Pipeline Health is scored:'],
          table({
            headers: ['Part', 'Weight', 'Value', 'Detail'],
            rows: o.health.parts.map((p) => [p.name, String(p.weight), String(p.value), p.detail]),
          }),
        ];
  return [
    heading(2, MARKDOWN_TITLES.overview),
    facts([
      ['Model', modelName(design.model)],
      ['Cycle Length', mark(formatDays(o.cycleDays), assumed(ASSUMPTION_PATHS.cycle))],
      ['Current CVR', o.currentCvr === undefined ? '— (not given)' : formatPercent(o.currentCvr)],
      ['Target CVR', mark(formatPercent(o.targetCvr), assumed(ASSUMPTION_PATHS.targetCvr))],
      ['Pipeline Health', healthText(o.health, `\`${bar(o.health.score * 10, 10)}\``)],
      ['Status', `● ${o.status}`],
    ]),
    ...health,
  ];
}

function icp(design: Design, assumed: (p: readonly string[]) => boolean): Part[] {
  const i = design.icp;
  const shown = (value: string, paths: readonly string[]): string =>
    mark(orDash(sanitize(value)), assumed(paths));
  return [
    heading(2, MARKDOWN_TITLES.icp),
    facts([
      ['Industry', shown(joinList(i.industries), ASSUMPTION_PATHS.industries)],
      ['Company Size', shown(i.companySize, ASSUMPTION_PATHS.companySize)],
      ['Annual Revenue', shown(i.annualRevenue, ASSUMPTION_PATHS.annualRevenue)],
      ['Geography', shown(joinList(i.geography), ASSUMPTION_PATHS.geography)],
    ]),
    heading(3, mark('Pain Points', assumed(ASSUMPTION_PATHS.painPoints))),
    list(i.painPoints),
    heading(3, mark('Buying Triggers', assumed(ASSUMPTION_PATHS.buyingTriggers))),
    list(i.buyingTriggers),
  ];
}

function qualificationHeading(design: Design): string {
  const name = sanitize(design.qualification.frameworkName);
  return name === '' ? MARKDOWN_TITLES.qualification : `${MARKDOWN_TITLES.qualification} (${name})`;
}

function qualification(design: Design, assumed: (p: readonly string[]) => boolean): Part[] {
  const q = design.qualification;
  return [
    heading(2, mark(qualificationHeading(design), assumed(ASSUMPTION_PATHS.qualification))),
    [`**Why ${sanitize(q.frameworkName)}:** ${sanitize(q.reason)}`],
    table({ headers: ['Criterion', 'Requirement'], rows: q.criteria.map((c) => [c.name, c.requirement]) }),
    [`**Minimum Score:** ${q.minimum.score}/${q.minimum.max} to qualify`],
    list(q.conditions),
    ...qualificationQuestions(design),
  ];
}

function funnel(design: Design): Part {
  return table({
    headers: ['Stage', 'Reached', 'Bar'],
    rows: design.funnel.map((f) => [f.stage, formatPercent(f.percent), `\`${bar(f.percent, 12)}\``]),
  });
}

/**
 * Renders the design as a markdown document with the blueprint's sections and tables, which doubles as
 * the reps' playbook: exit criteria per stage, qualification questions, templates, CRM rules and reports.
 */
export function renderBlueprintMarkdown(design: Design, options: RenderOptions): string {
  const assumed = (paths: readonly string[]): boolean => isAssumed(design.assumptions, paths);
  const section = (title: string, paths: readonly string[] = []): Part =>
    heading(2, mark(title, assumed(paths)));
  const parts: Part[] = [
    heading(1, `Sales Operations Blueprint: ${orDash(sanitize(design.business))}`),
    facts([
      ['Business', orDash(sanitize(design.business))],
      ['Model', modelName(design.model)],
      ['Time', formatTime(options.now)],
    ]),
    ...overview(design, assumed),
    ...icp(design, assumed),
    section(MARKDOWN_TITLES.leadSources, ASSUMPTION_PATHS.leadSources),
    table(leadSourcesTable(design)),
    ...qualification(design, assumed),
    section(MARKDOWN_TITLES.stages, ASSUMPTION_PATHS.stages),
    table(stagesTable(design)),
    ...(design.probabilityBasis === undefined
      ? []
      : [[`**Probabilities:** ${sanitize(design.probabilityBasis.text)}`]]),
    ...stagePlaybook(design),
    section(MARKDOWN_TITLES.funnel, ASSUMPTION_PATHS.funnel),
    funnel(design),
    section(MARKDOWN_TITLES.crm, ASSUMPTION_PATHS.crm),
    table(crmTable(design)),
    ...crmPlaybook(design),
    section(MARKDOWN_TITLES.followUp, ASSUMPTION_PATHS.followUp),
    ...cadencePlaybook(design),
    section(MARKDOWN_TITLES.metrics),
    table(metricsTable(design)),
    ...recommendations(design),
    [`**${SECTION_TITLES.status}:** ● ${design.overview.status}`],
    ...(design.assumptions.length === 0
      ? []
      : [heading(2, MARKDOWN_TITLES.assumptions), assumptionLines(design)]),
  ];
  return `${joinParts(parts)}\n`;
}
