/** A deal as every importer writes it and every pipeline calculation reads it. */

export type DealStatus = 'open' | 'won' | 'lost';

/** When a deal entered a stage; dates are ISO 8601 (`2017-03-01` or a full timestamp). */
export interface StageEntry {
  stage: string;
  enteredAt: string;
}

export interface Deal {
  id: string;
  /** Current stage name, one of the pipeline's stages (for closed deals, the won or lost stage). */
  stage: string;
  status: DealStatus;
  /** Deal value in the team's currency; for open deals it may be an estimate (e.g. list price). */
  amount?: number;
  account?: string;
  owner?: string;
  product?: string;
  source?: string;
  createdAt?: string;
  closedAt?: string;
  expectedCloseDate?: string;
  /** The CRM's forecast category as exported (HubSpot `Forecast category`, Salesforce `ForecastCategoryName`). */
  forecastCategory?: string;
  /** The owner's quota for the quarter when the export carries a quota column (the same on each of their rows). */
  ownerQuota?: number;
  /** Stage entries in time order; may be partial when the source kept no history. */
  history: StageEntry[];
}
