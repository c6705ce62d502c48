import type { Design } from '../../design.js';
import { formatPercent } from '../../format.js';
import { formatDays, healthText, modelName } from '../labels.js';
import { bar } from '../layout/bar.js';
import { bullet, field, paragraph } from '../layout/box.js';
import { orDash } from '../layout/format.js';
import { sanitize } from '../layout/sanitize.js';
import { ASSUMPTION_PATHS, isAssumed, mark } from '../marks.js';

type Paths = readonly string[];

/** Joins list values with commas, leaving out empty ones; `—` when nothing is left. */
export function joinList(values: readonly string[]): string {
  return orDash(
    values
      .map(sanitize)
      .filter((v) => v !== '')
      .join(', '),
  );
}

function marked(design: Design) {
  return (value: string, paths: Paths): string =>
    mark(orDash(sanitize(value)), isAssumed(design.assumptions, paths));
}

function bullets(items: readonly string[], width: number): string[] {
  const shown = items.map(sanitize).filter((v) => v !== '');
  return shown.length === 0 ? bullet('—', width) : shown.flatMap((item) => bullet(item, width));
}

/** SALES OPS OVERVIEW box content: model, cycle, conversion, health and status. */
export function overviewLines(design: Design, width: number): string[] {
  const m = marked(design);
  const o = design.overview;
  const current = o.currentCvr === undefined ? '— (not given)' : formatPercent(o.currentCvr);
  return [
    ...paragraph('SALES OPERATIONS', width, 5),
    '',
    ...field('Model', modelName(design.model), width),
    ...field('Cycle Length', m(formatDays(o.cycleDays), ASSUMPTION_PATHS.cycle), width),
    '',
    ...field('Current CVR', m(current, ASSUMPTION_PATHS.currentCvr), width),
    ...field('Target CVR', m(formatPercent(o.targetCvr), ASSUMPTION_PATHS.targetCvr), width),
    '',
    ...field(
      'Pipeline Health',
      m(healthText(o.health, bar(o.health.score * 10, 10)), ASSUMPTION_PATHS.health),
      width,
    ),
    ...field('Status', `● ${o.status}`, width),
  ];
}

/** IDEAL CUSTOMER PROFILE box content: firmographics, then pain points and buying triggers as bullets. */
export function icpLines(design: Design, width: number): string[] {
  const m = marked(design);
  const icp = design.icp;
  const assumed = (paths: Paths): boolean => isAssumed(design.assumptions, paths);
  return [
    ...field('Industry', m(joinList(icp.industries), ASSUMPTION_PATHS.industries), width),
    ...field('Company Size', m(icp.companySize, ASSUMPTION_PATHS.companySize), width),
    ...field('Annual Revenue', m(icp.annualRevenue, ASSUMPTION_PATHS.annualRevenue), width),
    ...field('Geography', m(joinList(icp.geography), ASSUMPTION_PATHS.geography), width),
    '',
    mark('Pain Points:', assumed(ASSUMPTION_PATHS.painPoints)),
    ...bullets(icp.painPoints, width),
    '',
    mark('Buying Triggers:', assumed(ASSUMPTION_PATHS.buyingTriggers)),
    ...bullets(icp.buyingTriggers, width),
  ];
}

/** QUALIFICATION CRITERIA box content: each criterion's requirement, the minimum score and extra conditions. */
export function qualificationLines(design: Design, width: number): string[] {
  const q = design.qualification;
  const criteria = q.criteria.flatMap((c) =>
    field(orDash(sanitize(c.name)), orDash(sanitize(c.requirement)), width),
  );
  return [
    ...criteria,
    ...(criteria.length > 0 ? [''] : []),
    ...field('Minimum Score', `${q.minimum.score}/${q.minimum.max} to qualify`, width),
    ...q.conditions
      .map(sanitize)
      .filter((c) => c !== '')
      .flatMap((c) => bullet(c, width)),
  ];
}

/** FOLLOW-UP AUTOMATION box content: `No Response N: Channel @ Day D` per step. */
export function followUpLines(design: Design, width: number): string[] {
  const steps = design.followUp.steps;
  if (steps.length === 0) return paragraph('No follow-up steps yet', width);
  return steps.flatMap((s) => field(`No Response ${s.step}`, `${s.channel} @ Day ${s.day}`, width));
}
