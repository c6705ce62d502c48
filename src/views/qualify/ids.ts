/** Action ids of the scorecard's buttons; the sequence feature handles START_SEQUENCE (value: the lead id). */
export const SCORECARD_ACTIONS = {
  share: 'scorecard_share',
  startSequence: 'scorecard_start_sequence',
  moveStage: 'scorecard_move_stage',
  update: 'scorecard_update_answers',
  disqualify: 'scorecard_disqualify',
} as const;
