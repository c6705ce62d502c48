import type { ViewStateValue } from '@slack/bolt';
import type { InputBlock, ModalView } from '@slack/types';
import {
  ACTION_IDS,
  BLOCK_IDS,
  type IntakeField,
  type StateValues,
} from '../../../src/views/intake/index.js';

const SELECTS = new Set<IntakeField>(['model', 'segment', 'motion', 'timezone', 'framework']);

/** `view.state.values` as Slack sends it when a person typed or chose these values. */
export function stateOf(values: Partial<Record<IntakeField, string>>): StateValues {
  const state: StateValues = {};
  for (const [field, value] of Object.entries(values) as [IntakeField, string][]) {
    const entry: ViewStateValue = SELECTS.has(field)
      ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } }
      : { type: 'plain_text_input', value };
    state[BLOCK_IDS[field]] = { [ACTION_IDS[field]]: entry };
  }
  return state;
}

/** The input blocks of a view. */
export function inputsOf(view: ModalView): InputBlock[] {
  return view.blocks.filter((b): b is InputBlock => b.type === 'input');
}

/** `view.state.values` as Slack sends it when a person submits a view without touching it. */
export function submitUnchanged(view: ModalView): StateValues {
  const state: StateValues = {};
  for (const block of inputsOf(view)) {
    const element = block.element;
    const actionId = 'action_id' in element ? element.action_id : undefined;
    if (block.block_id === undefined || actionId === undefined) continue;
    let entry: ViewStateValue = { type: element.type, value: null };
    if (element.type === 'plain_text_input' || element.type === 'number_input')
      entry = { type: element.type, value: element.initial_value ?? null };
    if (element.type === 'static_select') {
      const option = element.initial_option;
      entry = {
        type: element.type,
        selected_option:
          option?.value === undefined
            ? null
            : { text: { type: 'plain_text', text: option.text.text }, value: option.value },
      };
    }
    state[block.block_id] = { [actionId]: entry };
  }
  return state;
}

/** The pre-filled value of one field in a view, as a person sees it. */
export function initialOf(view: ModalView, field: IntakeField): string | undefined {
  const block = inputsOf(view).find((b) => b.block_id === BLOCK_IDS[field]);
  if (block === undefined) throw new Error(`${field} is not in this view`);
  const element = block.element;
  if (element.type === 'plain_text_input' || element.type === 'number_input') return element.initial_value;
  if (element.type === 'static_select') return element.initial_option?.value;
  return undefined;
}
