/** Action ids of the ICP card's buttons and menus, and the App Home's button to the card. */
export const ICP_ACTIONS = {
  /** A section's Edit button; value `slug|section`. */
  edit: 'icp_section_edit',
  /** A section's overflow menu; option values `suggest|slug|section` and `edit|slug|section`. */
  sectionMenu: 'icp_section_menu',
  /** A suggestion's overflow menu; option values `accept|slug|id` and `dismiss|slug|id`. */
  suggestionMenu: 'icp_suggestion_menu',
  /** The card's Finalize button; value `slug`. */
  finalize: 'icp_finalize',
  /** The Home tab's button that brings the card back to the bottom of its channel; value `slug`. */
  showCard: 'icp_show_card',
} as const;

/** The edit and suggest modal. */
export const ICP_VIEW = {
  callbackId: 'icp_section',
  itemsBlock: 'icp_items',
  minBlock: 'icp_min',
  maxBlock: 'icp_max',
  /** Every input's action id: one element per input block. */
  action: 'value',
} as const;

/** Splits a `a|b|c` button or option value. */
export function splitValue(value: string | undefined): string[] {
  return (value ?? '').split('|');
}
