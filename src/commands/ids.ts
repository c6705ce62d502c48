/** The one slash command; every subcommand is a word after it. */
export const SLASH_COMMAND = '/sales-ops';

/** Buttons for the common actions, shown in the usage message and on the Home tab. */
export const QUICK_ACTION_IDS = {
  design: 'quick_design',
  qualify: 'quick_qualify',
  pipeline: 'quick_pipeline',
  crm: 'quick_crm',
} as const;
