import type { Design } from '../../design.js';
import { formatPercent } from '../../format.js';
import { formatResponseTime } from '../../thresholds.js';
import { orDash } from '../layout/format.js';
import { sanitize } from '../layout/sanitize.js';
import { heading, list, numbered, type Part, quote, table } from './md.js';

/** Qualification questions to ask, per criterion of the chosen framework. */
export function qualificationQuestions(design: Design): Part[] {
  const criteria = design.qualification.criteria;
  if (criteria.length === 0) return [];
  return [
    heading(3, 'Qualification questions'),
    ...criteria.flatMap((c) => [
      heading(4, orDash(sanitize(c.name))),
      c.questions.length > 0 ? numbered(c.questions) : ['No questions yet.'],
    ]),
  ];
}

/** Stages grouped by the buyer's journey, each with what has to be true to move on. */
export function stagePlaybook(design: Design): Part[] {
  const phases = [...new Set(design.stages.map((s) => s.journey))];
  if (phases.length === 0) return [];
  return [
    heading(3, 'Moving a deal forward'),
    ...phases.flatMap((phase) => [
      heading(4, phase.charAt(0).toUpperCase() + phase.slice(1)),
      design.stages
        .filter((s) => s.journey === phase)
        .map(
          (s) =>
            `- **${orDash(sanitize(s.name))}** (${formatPercent(s.probability)}): exit when ${orDash(sanitize(s.exitCriteria))}`,
        ),
    ]),
  ];
}

function requiredLabel(f: Design['crm']['objects'][number]['fields'][number]): string {
  if (f.automatic) return 'Auto';
  return f.required ? 'Yes' : 'No';
}

/** Every CRM object's fields, then the automation rules, the hygiene rules and the reports to build. */
export function crmPlaybook(design: Design): Part[] {
  const crm = design.crm;
  const objects = crm.objects.flatMap((o) => [
    heading(3, `${o.category} fields`),
    table({
      headers: ['Field', 'Type', 'Required', 'Picklist', 'Description'],
      rows: o.fields.map((f) => [
        f.name,
        f.type,
        requiredLabel(f),
        (f.picklist ?? []).join(', '),
        f.description,
      ]),
    }),
  ]);
  const automation: Part[] =
    crm.automation.length === 0
      ? []
      : [
          heading(3, 'Automation rules'),
          table({
            headers: ['Trigger', 'Condition', 'Action'],
            rows: crm.automation.map((r) => [r.trigger, r.condition, r.action]),
          }),
        ];
  const hygiene: Part[] =
    crm.hygiene.length === 0
      ? []
      : [
          heading(3, 'Data hygiene rules'),
          list(crm.hygiene.map((h) => `**${sanitize(h.id)}**: ${h.description}`)),
        ];
  const reports: Part[] =
    crm.reports.length === 0
      ? []
      : [
          heading(3, 'Reports'),
          table({ headers: ['Report', 'Definition'], rows: crm.reports.map((r) => [r.name, r.definition]) }),
        ];
  return [...objects, ...timing(design), ...automation, ...hygiene, ...reports];
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** The time limits that follow from the cycle and deal size, which the rules below use. */
function timing(design: Design): Part[] {
  const t = design.timing;
  if (t === undefined) return [];
  return [
    heading(3, 'Time limits'),
    list([
      `First call or e-mail to a new MQL within ${formatResponseTime(t.speedToLeadHours)}`,
      `A task for the owner after ${days(t.idleDays)} without activity on a deal`,
      `A deal is stale after ${days(t.staleDays)} without a stage change`,
      `A deal is raised in the pipeline review after ${days(t.reviewDays)} in one stage`,
      `A lead is disqualified as stale after ${days(t.leadStaleDays)} without activity`,
    ]),
  ];
}

/** The follow-up cadence with each step's template: subject and body. */
export function cadencePlaybook(design: Design): Part[] {
  const steps = design.followUp.steps;
  if (steps.length === 0) return [['No follow-up steps yet.']];
  return [
    list(steps.map((s) => `No Response ${s.step}: ${s.channel} @ Day ${s.day}`)),
    heading(3, 'Templates'),
    ...steps.flatMap((s) => [
      heading(4, `Step ${s.step}: ${s.channel} @ Day ${s.day}`),
      s.template.subject === undefined ? [] : [`**Subject:** ${sanitize(s.template.subject)}`],
      quote(s.template.body),
    ]),
  ];
}

/** Recommendations, the largest expected impact first. */
export function recommendations(design: Design): Part[] {
  if (design.recommendations.length === 0) return [];
  const ranked = [...design.recommendations].sort((a, b) => b.impact - a.impact);
  return [
    heading(2, 'Recommendations'),
    numbered(ranked.map((r) => `**${sanitize(r.title)}**: ${r.detail}`)),
  ];
}
