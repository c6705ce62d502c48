import type { InputBlock, PlainTextElement, PlainTextOption } from '@slack/types';
import { truncate } from '../../blocks/format.js';
import { ACTION_IDS, BLOCK_IDS, type IntakeField } from './ids.js';
import { FIELD_LABELS } from './labels.js';

/** Slack's lengths for the parts of an input block (docs: block-kit input, text and option objects). */
const LABEL_MAX = 2000;
const PLACEHOLDER_MAX = 150;
const OPTION_TEXT_MAX = 75;
const INPUT_MAX = 3000;

const PLAIN_DIGITS = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** A number written out in plain digits (`1000000`, never `1e+6`), as inputs are pre-filled with it. */
export function plainNumber(value: number | undefined): string | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : PLAIN_DIGITS.format(value);
}

/** A value and label for a static select; `description` shows under the label. */
export interface Choice {
  value: string;
  text: string;
  description?: string;
}

interface Common {
  hint?: string;
  placeholder?: string;
  optional?: boolean;
}

function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

function block(field: IntakeField, opts: Common, element: InputBlock['element']): InputBlock {
  return {
    type: 'input',
    block_id: BLOCK_IDS[field],
    label: plain(FIELD_LABELS[field], LABEL_MAX),
    optional: opts.optional ?? false,
    element,
    ...(opts.hint === undefined ? {} : { hint: plain(opts.hint, LABEL_MAX) }),
  };
}

function placeholder(opts: Common) {
  return opts.placeholder === undefined ? {} : { placeholder: plain(opts.placeholder, PLACEHOLDER_MAX) };
}

/** A plain text input pre-filled with `initial` (cut to `maxLength`, which Slack would otherwise refuse). */
export function textInput(
  field: IntakeField,
  opts: Common & { initial?: string | undefined; multiline?: boolean; maxLength?: number },
): InputBlock {
  const maxLength = Math.min(opts.maxLength ?? INPUT_MAX, INPUT_MAX);
  const initial =
    opts.initial === undefined || opts.initial === '' ? undefined : truncate(opts.initial, maxLength, '');
  return block(field, opts, {
    type: 'plain_text_input',
    action_id: ACTION_IDS[field],
    multiline: opts.multiline ?? false,
    max_length: maxLength,
    ...(initial === undefined ? {} : { initial_value: initial }),
    ...placeholder(opts),
  });
}

/** A number input pre-filled with `initial`; Slack checks it is a number, the step schema checks the range. */
export function numberInput(
  field: IntakeField,
  opts: Common & { initial?: number | undefined; decimal?: boolean },
): InputBlock {
  const initial = plainNumber(opts.initial);
  // A saved fraction in a whole-number input is shown as it is; the step schema then asks for a whole number.
  const fraction =
    opts.initial !== undefined && Number.isFinite(opts.initial) && !Number.isInteger(opts.initial);
  return block(field, opts, {
    type: 'number_input',
    action_id: ACTION_IDS[field],
    is_decimal_allowed: (opts.decimal ?? false) || fraction,
    ...(initial === undefined ? {} : { initial_value: initial }),
    ...placeholder(opts),
  });
}

function option(choice: Choice): PlainTextOption {
  return {
    text: plain(choice.text, OPTION_TEXT_MAX),
    value: choice.value,
    ...(choice.description === undefined ? {} : { description: plain(choice.description, OPTION_TEXT_MAX) }),
  };
}

/** A static select whose `initial_option` is the option matching `initial`, when there is one. */
export function selectInput(
  field: IntakeField,
  choices: readonly Choice[],
  opts: Common & { initial?: string | undefined },
): InputBlock {
  const options = choices.map(option);
  const initial = options.find((o) => o.value === opts.initial);
  return block(field, opts, {
    type: 'static_select',
    action_id: ACTION_IDS[field],
    options,
    ...(initial === undefined ? {} : { initial_option: initial }),
    ...placeholder(opts),
  });
}
