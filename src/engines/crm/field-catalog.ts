import type { FrameworkSummary } from '../pipeline/frameworks.js';
import type { CrmCategory, CrmDesignInput, CrmFieldType } from './fields.js';

/**
 * `[name, label, type, flags, description, picklist?, values?]`: one row of the field catalogue. `values` are
 * the stored values behind the picklist's labels, in the same order, where the app stores something else.
 */
export type Spec = [
  name: string,
  label: string,
  type: CrmFieldType,
  flags: '' | 'req' | 'auto' | 'req auto',
  description: string,
  picklist?: string[],
  values?: string[],
];

const LEAD_STATUSES = ['New', 'Working', 'Nurture', 'MQL', 'SQL', 'Disqualified'];
const ACCOUNT_STATUSES = ['Prospect', 'Customer', 'Former customer', 'Partner'];
const LOSS_REASONS = [
  'Price',
  'Timing',
  'No decision',
  'Lost to competitor',
  'No budget',
  'Product fit',
  'Went dark',
];
const ACTIVITY_TYPES = ['Email', 'Call', 'Meeting', 'LinkedIn', 'Task', 'Note'];
const OUTCOMES = ['Connected', 'Left voicemail', 'No answer', 'Replied', 'Meeting booked', 'Bounced'];

/** The field catalogue per object; picklists that depend on the design are filled from the input. */
export function catalogue(input: CrmDesignInput, framework: FrameworkSummary): Record<CrmCategory, Spec[]> {
  const sources = input.leadSources.includes('Other')
    ? [...input.leadSources]
    : [...input.leadSources, 'Other'];
  const lost = input.stages.find((s) => s.kind === 'lost')?.name ?? 'Closed Lost';
  const criteria: Spec[] = framework.criteria.map((c) => [
    `${c.id}_status`,
    `${c.name} status`,
    'picklist',
    '',
    `${framework.name} ${c.name}: where the evidence stands; feeds the qualification score.`,
    c.levels.map((l) => l.label),
    c.levels.map((l) => l.value),
  ]);
  return {
    Contact: [
      ['first_name', 'First name', 'text', 'req', 'Given name, as the contact writes it.'],
      ['last_name', 'Last name', 'text', 'req', 'Family name.'],
      ['email', 'Email', 'email', 'req', 'Work e-mail; one contact per address (duplicate check).'],
      ['phone', 'Phone', 'phone', '', 'Direct line in E.164 format, e.g. +14155550100.'],
      ['job_title', 'Job title', 'text', '', 'Role, used to find the economic buyer and champion.'],
      ['linkedin_url', 'LinkedIn URL', 'url', '', 'Profile address for the LinkedIn steps of a sequence.'],
      ['company', 'Company', 'text', 'req', 'The Company record this contact belongs to.'],
      [
        'lead_source',
        'Lead source',
        'picklist',
        'req',
        'Where the lead came from; drives source reports and CAC.',
        sources,
      ],
      [
        'lead_status',
        'Lead status',
        'picklist',
        'req',
        'Where the lead is before it becomes a deal.',
        LEAD_STATUSES,
      ],
      [
        'lead_score',
        'Lead score',
        'number',
        'auto',
        'Fit plus engagement points from the lead scoring model.',
      ],
      ['owner', 'Owner', 'user', 'req', 'The rep responsible; set by round-robin routing.'],
      [
        'do_not_contact',
        'Do not contact',
        'boolean',
        '',
        'Set when the person opted out; stops every sequence.',
      ],
      ['created_at', 'Created', 'date', 'auto', 'When the record was created.'],
      ['last_activity_at', 'Last activity', 'date', 'auto', 'Latest logged e-mail, call, meeting or note.'],
    ],
    Company: [
      ['name', 'Company name', 'text', 'req', 'Legal or trading name; normalised for duplicate checks.'],
      ['domain', 'Website domain', 'url', 'req', 'Primary domain without www.; the main duplicate key.'],
      ['industry', 'Industry', 'text', '', 'Industry, compared with the ICP.'],
      ['employee_count', 'Employees', 'number', '', 'Head count, compared with the ICP company size.'],
      ['annual_revenue', 'Annual revenue', 'currency', '', 'Yearly revenue, compared with the ICP range.'],
      ['country', 'Country', 'text', '', 'Headquarters country, for territory routing.'],
      ['icp_fit_score', 'ICP fit', 'number', 'auto', 'Weighted ICP fit score with each contribution listed.'],
      [
        'account_status',
        'Account status',
        'picklist',
        '',
        'Prospect, customer or partner.',
        ACCOUNT_STATUSES,
      ],
      ['owner', 'Owner', 'user', 'req', 'Account owner.'],
      ['created_at', 'Created', 'date', 'auto', 'When the record was created.'],
    ],
    Opportunity: [
      ['name', 'Deal name', 'text', 'req', 'Company and what is being bought, e.g. "Acme – 50 seats".'],
      ['company', 'Company', 'text', 'req', 'The Company record the deal is with.'],
      ['amount', 'Amount', 'currency', 'req', 'Expected contract value.'],
      [
        'stage',
        'Stage',
        'picklist',
        'req',
        'Pipeline stage; move only when the exit criteria are met.',
        input.stages.map((s) => s.name),
      ],
      [
        'probability',
        'Probability',
        'number',
        'auto',
        "Set from the stage's probability, calibrated from history when there is enough.",
      ],
      [
        'close_date',
        'Expected close date',
        'date',
        'req',
        'When the deal is expected to close; a past date on an open deal is flagged.',
      ],
      ['owner', 'Owner', 'user', 'req', 'The rep who owns the deal.'],
      [
        'lead_source',
        'Lead source',
        'picklist',
        'auto',
        'Copied from the contact that started the deal.',
        sources,
      ],
      ...criteria,
      [
        'qualification_score',
        'Qualification score',
        'number',
        'auto',
        `${framework.name} score from the criteria above.`,
      ],
      ['next_step', 'Next step', 'text', '', 'The next agreed action with a date.'],
      ['loss_reason', 'Loss reason', 'picklist', '', `Required when the stage is ${lost}.`, LOSS_REASONS],
      [
        'stage_entered_at',
        'Stage entered',
        'date',
        'auto',
        'When the deal entered its current stage; feeds time in stage.',
      ],
      ['created_at', 'Created', 'date', 'auto', 'When the deal was created; starts the cycle clock.'],
      ['closed_at', 'Closed', 'date', 'auto', 'When the deal was won or lost.'],
    ],
    Activity: [
      [
        'type',
        'Type',
        'picklist',
        'req auto',
        'E-mail, call, meeting, LinkedIn, task or note.',
        ACTIVITY_TYPES,
      ],
      ['subject', 'Subject', 'text', 'req auto', 'Subject line or call purpose.'],
      ['occurred_at', 'Date', 'date', 'req auto', 'When it happened or is due.'],
      ['owner', 'Owner', 'user', 'req auto', 'The rep who did it or must do it.'],
      ['related_to', 'Related to', 'text', 'auto', 'The contact, company or deal it is logged on.'],
      ['outcome', 'Outcome', 'picklist', '', 'What came of it; replies stop sequences.', OUTCOMES],
      ['sequence_step', 'Sequence step', 'number', 'auto', 'Step of the follow-up sequence that created it.'],
    ],
  };
}
