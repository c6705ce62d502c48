/** Action ids of the scorecard's buttons; the sequence feature handles START_SEQUENCE (value: the lead id). */
export const SCORECARD_ACTIONS = {
  share: 'scorecard_share',
  startSequence: 'scorecard_start_sequence',
  moveStage: 'scorecard_move_stage',
  update: 'scorecard_update_answers',
  disqualify: 'scorecard_disqualify',
} as const;

/** The qualify modal: its callback id, and the block and action ids of the lead's own fields. */
export const QUALIFY_VIEW = {
  callbackId: 'qualify_lead_modal',
  blocks: {
    company: 'qualify_company',
    contact: 'qualify_contact',
    domain: 'qualify_domain',
    amount: 'qualify_amount',
    theirPain: 'qualify_their_pain',
  },
  actions: {
    company: 'company_input',
    contact: 'contact_input',
    domain: 'domain_input',
    amount: 'amount_input',
    theirPain: 'their_pain_input',
    level: 'level_select',
    evidence: 'evidence_input',
  },
} as const;

/** The block holding a criterion's level select, e.g. `qualify_level_budget`. */
export const levelBlockId = (criterionId: string) => `qualify_level_${criterionId}`;
/** The block holding a criterion's evidence note, e.g. `qualify_evidence_budget`. */
export const evidenceBlockId = (criterionId: string) => `qualify_evidence_${criterionId}`;

/** The disqualify modal, opened from the scorecard's Disqualify button. */
export const DISQUALIFY_VIEW = {
  callbackId: 'qualify_disqualify_modal',
  blocks: { reason: 'disqualify_reason', note: 'disqualify_note' },
  actions: { reason: 'reason_select', note: 'note_input' },
} as const;

/** The scorecard's actions block carries the lead id after this prefix, so its stage select knows the lead. */
export const SCORECARD_ACTIONS_BLOCK_PREFIX = 'scorecard_actions:';

/** The amount field's label, which its error message names. */
export const AMOUNT_LABEL = 'Deal amount';
