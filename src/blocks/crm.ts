import type { KnownBlock } from '@slack/types';
import { sanitize } from '../engines/blueprint/index.js';
import type { AutomationRule, CrmField, CrmObjectSpec, ReportSpec } from '../engines/crm/index.js';
import { packMessages, type SlackMessage, sectionsOf } from './crm-layout.js';
import { escapeMrkdwn, mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';

/** Everything `/sales-ops crm` shows; built by `crmSpec` in src/commands/crm.ts. */
export interface CrmSpecView {
  business: string;
  frameworkName: string;
  /** Stage names, in order, as the Opportunity stage picklist holds them. */
  stages: string[];
  objects: CrmObjectSpec[];
  automation: AutomationRule[];
  hygiene: { id: string; description: string }[];
  reports: ReportSpec[];
  /** The CRMs the mapping files are for, e.g. HubSpot, Salesforce, Pipedrive. */
  systems: string[];
}

const PICKLIST_SHOWN = 6;
const OBJECT_NOTES: Record<CrmObjectSpec['category'], string> = {
  Contact: 'the people you sell to',
  Company: 'the accounts they work for',
  Opportunity: 'the deals, one per buying decision',
  Activity: 'e-mails, calls and meetings, logged automatically',
};

function picklist(values: readonly string[]): string {
  const shown = values.slice(0, PICKLIST_SHOWN).map((v) => mrkdwn(sanitize(v), 60));
  const rest = values.length - shown.length;
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

function fieldLine(field: CrmField): string {
  const flag = field.automatic ? 'auto' : field.required ? '*required*' : 'optional';
  const head = `• *${mrkdwn(sanitize(field.label), 80)}* \`${mrkdwn(field.name, 60)}\` · ${field.type} · ${flag}`;
  const values = field.picklist === undefined ? '' : `\n      Values: ${picklist(field.picklist)}`;
  return `${head}\n      ${mrkdwn(sanitize(field.description), 300)}${values}`;
}

function objectBlocks(object: CrmObjectSpec): KnownBlock[] {
  const required = object.fields.filter((f) => f.required).length;
  const title = `${object.category}: ${OBJECT_NOTES[object.category]} (${object.fields.length} fields, ${required} required)`;
  return sectionsOf(title, object.fields.map(fieldLine));
}

function ruleLine(rule: AutomationRule): string {
  return `• *When* ${mrkdwn(sanitize(rule.trigger), 300)} *and* ${mrkdwn(sanitize(rule.condition), 300)}\n      → ${mrkdwn(sanitize(rule.action), 400)}`;
}

/**
 * Renders the CRM spec as Slack messages: the first (for the channel) holds the overview and the fields per
 * object; the rest (for its thread) hold the automation, hygiene rules and reports. Every message stays
 * within Block Kit's limits, long lists being split over several sections and messages.
 */
export function renderCrmMessages(spec: CrmSpecView): SlackMessage[] {
  const business = sanitize(spec.business) || 'your business';
  const intro: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`CRM spec · ${business}`, LIMITS.headerText) },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: mrkdwn(
            `Fields for the ${sanitize(spec.frameworkName)} framework and your ${spec.stages.length} stages (${spec.stages.map(sanitize).join(' → ')}). Import files for ${spec.systems.join(', ')} are in the thread.`,
            LIMITS.text,
          ),
        },
      ],
    },
  ];
  const fields = [
    ...intro,
    ...spec.objects.flatMap((o) => [{ type: 'divider' } as const, ...objectBlocks(o)]),
  ];
  const rules: KnownBlock[] = [
    ...sectionsOf('Workflow automation (trigger → condition → action)', spec.automation.map(ruleLine)),
    { type: 'divider' },
    ...sectionsOf(
      'Data hygiene rules (run them as an audit on imported data)',
      spec.hygiene.map((h) => `• *${mrkdwn(h.id, 60)}*: ${mrkdwn(sanitize(h.description), 500)}`),
    ),
    { type: 'divider' },
    ...sectionsOf(
      'Reports and dashboards to build',
      spec.reports.map((r) => `• *${mrkdwn(sanitize(r.name), 100)}*: ${mrkdwn(sanitize(r.definition), 500)}`),
    ),
  ];
  const label = (part: string) => escapeMrkdwn(truncate(`CRM spec for ${business}: ${part}`, 500));
  return [
    ...packMessages(fields, (i, n) =>
      label(n === 1 ? 'fields per object' : `fields per object, part ${i + 1}`),
    ),
    ...packMessages(rules, (i, n) =>
      label(n === 1 ? 'automation, hygiene and reports' : `rules, part ${i + 1}`),
    ),
  ];
}
