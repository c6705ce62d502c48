import { dealWithCloseDate, statusFromStageName } from '../deal-rules.js';
import type { SourceDefinition } from '../types.js';

/** HubSpot's deals export (CRM › Deals › Export). The stage is a label ("Closed Won") or an internal id ("closedwon"). */
export const hubspot: SourceDefinition = {
  source: 'hubspot',
  label: 'HubSpot deals export',
  columns: {
    'Record ID': { field: 'id', parse: 'text', required: true },
    'Deal Stage': { field: 'stage', parse: 'text', required: true },
    Amount: { field: 'amount', parse: 'amount' },
    'Amount in company currency': { field: 'amount', parse: 'amount' },
    'Close Date': { field: 'closeDate', parse: 'date' },
    'Create Date': { field: 'createdAt', parse: 'date' },
    'Deal owner': { field: 'owner', parse: 'text' },
    'Associated Company': { field: 'account', parse: 'text' },
    'Associated Company (Primary)': { field: 'account', parse: 'text' },
    'Original Source Type': { field: 'source', parse: 'text' },
    'Forecast category': { field: 'forecastCategory', parse: 'text' },
    Quota: { field: 'quota', parse: 'amount' },
  },
  ignored: ['Deal Name', 'Pipeline', 'Deal Type', 'Deal probability', 'Last Activity Date'],
  toDeal: (cells) => {
    const { stage } = cells;
    if (stage === undefined) return 'Deal Stage is empty: every deal needs a stage';
    return dealWithCloseDate({ ...cells, stage }, statusFromStageName(stage));
  },
};
