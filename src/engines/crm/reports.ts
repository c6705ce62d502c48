import type { StageDef } from '../pipeline/stages.js';

/** A dashboard or report to build in the CRM, with what it shows and how it is computed. */
export interface ReportSpec {
  name: string;
  definition: string;
}

/** The reporting setup: the dashboards and reports every team needs, each with its definition. */
export function designReports(input: {
  stages: readonly StageDef[];
  leadSources?: readonly string[];
}): ReportSpec[] {
  const open = input.stages.filter((s) => s.kind === 'open').map((s) => s.name);
  const won = input.stages.find((s) => s.kind === 'won')?.name ?? 'Closed Won';
  const sources = input.leadSources?.length ? ` (${input.leadSources.join(', ')})` : '';
  return [
    {
      name: 'Pipeline by stage',
      definition: `Open deals grouped by stage (${open.join(' → ')}): count, Σ amount and weighted pipeline Σ amount × stage probability.`,
    },
    {
      name: 'Funnel conversion',
      definition: `Deals that ever reached each stage ÷ deals that reached the one before, through ${won}; snapshot for all deals and by creation-month cohort (recent cohorts marked incomplete).`,
    },
    {
      name: 'Win rate',
      definition: 'Won ÷ (won + lost) by close month, by owner and by lead source; open deals excluded.',
    },
    {
      name: 'Forecast and coverage',
      definition:
        'Weighted pipeline closing this quarter against remaining quota; coverage = open pipeline ÷ remaining quota, needed coverage = 1 ÷ win rate.',
    },
    {
      name: 'Sales velocity',
      definition:
        'Open opportunities × win rate × average won deal ÷ median cycle days, per week, with the 4-week trend.',
    },
    {
      name: 'Time in stage',
      definition:
        'Median, p75 and p90 days in each stage from stage history; deals past their stage’s p90 listed with owner and days.',
    },
    {
      name: 'Lead source performance',
      definition: `Per lead source${sources}: leads per month, MQL → SQL rate, win rate, average deal and CAC.`,
    },
    {
      name: 'Rep activity',
      definition:
        'Calls, e-mails, meetings and LinkedIn touches per rep per week, against follow-up tasks due and overdue.',
    },
    {
      name: 'Loss reasons',
      definition: 'Lost deals by loss_reason and by the stage they were lost from, with the amount lost.',
    },
    {
      name: 'Data hygiene',
      definition:
        'Weekly audit: records checked and issues per hygiene rule (required fields, formats, duplicates, stale deals, past close dates, stage/probability mismatches).',
    },
  ];
}
