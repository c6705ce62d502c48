import type { InputBlockElement, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  CHANNEL_IDS,
  CHANNELS,
  KNOWN_VARIABLES,
  MAX_STEPS,
  type Sequence,
  type SequenceStep,
} from '../../engines/optimizer/index.js';
import { REMOVE_STEP, SEQUENCE_VIEW, type StepField, stepBlockId } from './ids.js';

/** What the modal remembers between opening and submitting. */
export interface EditorMetadata {
  /** The sequence being edited; absent for a new one. */
  sequenceId?: string;
  /** Where the command was typed, to confirm the save there. */
  channelId?: string;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (label: string, value: string): PlainTextOption => ({ text: text(label), value });
const CHANNEL_OPTIONS = [
  ...CHANNEL_IDS.map((id) => option(CHANNELS[id].label, id)),
  option('Remove this step', REMOVE_STEP),
];

function input(blockId: string, label: string, element: InputBlockElement, hint?: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: text(label),
    element,
    optional: true,
    ...(hint ? { hint: text(hint) } : {}),
  };
}

function textInput(initial: string | undefined, multiline: boolean, max: number): InputBlockElement {
  return {
    type: 'plain_text_input',
    action_id: SEQUENCE_VIEW.action,
    multiline,
    max_length: max,
    ...(initial ? { initial_value: initial.slice(0, max) } : {}),
  };
}

function stepBlocks(index: number, step: SequenceStep | undefined): KnownBlock[] {
  const id = (field: StepField) => stepBlockId(index, field);
  const initialChannel = CHANNEL_OPTIONS.find((o) => o.value === step?.channel);
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: step ? `*Step ${index + 1}*` : `*Step ${index + 1}* (optional: fill in to add a step)`,
      },
    },
    input(id('channel'), 'Channel', {
      type: 'static_select',
      action_id: SEQUENCE_VIEW.action,
      placeholder: text('Email, call, LinkedIn or break-up'),
      options: CHANNEL_OPTIONS,
      ...(initialChannel ? { initial_option: initialChannel } : {}),
    }),
    input(id('day'), 'Working day after enrolment', {
      type: 'number_input',
      action_id: SEQUENCE_VIEW.action,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '365',
      ...(step ? { initial_value: String(step.day) } : {}),
    }),
    input(id('subject'), 'Subject (email and break-up)', textInput(step?.template.subject, false, 150)),
    input(id('body'), 'Template', textInput(step?.template.body, true, 3000)),
    input(id('b_subject'), 'Variant B subject', textInput(step?.variants?.b.subject, false, 150)),
    input(
      id('b_body'),
      'Variant B template',
      textInput(step?.variants?.b.body, true, 3000),
      'Fill in to A/B test this step: each lead gets A (the template above) or B, always the same one.',
    ),
  ];
}

/** The sequence editor: a name, then each step (channel, day, template, optional variant B) and one spare step. */
export function sequenceEditorView(sequence: Sequence | undefined, meta: EditorMetadata): ModalView {
  const steps = sequence?.steps ?? [];
  const shown = Math.min(MAX_STEPS, steps.length + 1);
  const variables = KNOWN_VARIABLES.map((v) => `\`{{${v}}}\``).join(' ');
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: SEQUENCE_VIEW.nameBlock,
      label: text('Name'),
      element: {
        type: 'plain_text_input',
        action_id: SEQUENCE_VIEW.action,
        max_length: 80,
        placeholder: text('Outbound Q3'),
        ...(sequence ? { initial_value: sequence.name } : {}),
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Templates may use ${variables}. Days count working days in the rep's time zone. Leads already enrolled keep the version they started with.`,
        },
      ],
    },
    ...Array.from({ length: shown }, (_, i) => stepBlocks(i, steps[i])).flat(),
  ];
  return {
    type: 'modal',
    callback_id: SEQUENCE_VIEW.callbackId,
    title: text(sequence ? 'Edit sequence' : 'New sequence'),
    submit: text('Save'),
    close: text('Cancel'),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
