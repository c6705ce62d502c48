import type { DealStatus } from '../../engines/deal.js';
import { dealWithCloseDate, statusFromStageName } from '../deal-rules.js';
import type { SourceDefinition } from '../types.js';

/** Salesforce's Won and Closed columns, when the report has them, decide over the stage name. */
function status(stage: string, won: boolean | undefined, closed: boolean | undefined): DealStatus {
  if (closed === false) return 'open';
  if (closed === true) return won ? 'won' : 'lost';
  if (won === true) return 'won';
  return statusFromStageName(stage);
}

/** A Salesforce opportunity report exported as CSV (Reports › Export › Details Only, CSV). */
export const salesforce: SourceDefinition = {
  source: 'salesforce',
  label: 'Salesforce opportunity report',
  columns: {
    'Opportunity ID': { field: 'id', parse: 'text', required: true },
    Stage: { field: 'stage', parse: 'text', required: true },
    Amount: { field: 'amount', parse: 'amount' },
    'Account Name': { field: 'account', parse: 'text' },
    'Close Date': { field: 'closeDate', parse: 'date' },
    'Created Date': { field: 'createdAt', parse: 'date' },
    'Opportunity Owner': { field: 'owner', parse: 'text' },
    'Lead Source': { field: 'source', parse: 'text' },
    Won: { field: 'won', parse: 'flag' },
    Closed: { field: 'closed', parse: 'flag' },
    ForecastCategoryName: { field: 'forecastCategory', parse: 'text' },
    'Forecast Category': { field: 'forecastCategory', parse: 'text' },
    Quota: { field: 'quota', parse: 'amount' },
  },
  ignored: [
    'Opportunity Name',
    'Probability (%)',
    'Type',
    'Fiscal Period',
    'Next Step',
    'Age',
    'Expected Revenue',
  ],
  toDeal: (cells) => {
    const { stage } = cells;
    if (stage === undefined) return 'Stage is empty: every opportunity needs a stage';
    return dealWithCloseDate({ ...cells, stage }, status(stage, cells.won, cells.closed));
  },
};
