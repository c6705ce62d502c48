import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const options = (pairs: [string, string][]): PlainTextOption[] =>
  pairs.map(([value, label]) => ({ text: text(label), value }));

/** A message with every kind of block and inline formatting the page draws. */
export const GALLERY_BLOCKS: KnownBlock[] = [
  { type: 'header', text: text('Widget gallery') },
  {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: '*bold* _italic_ ~struck~ `inline` <https://example.com/docs|the docs> <@U0BEN> <!date^1767225600^{date_num}|2026-01-01>\n```const total = 1 &lt; 2;```',
    },
    fields: [
      { type: 'mrkdwn', text: '*Stage*\nProposal' },
      { type: 'mrkdwn', text: '*Amount*\n$50,000' },
    ],
  },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'Context line' }] },
  { type: 'divider' },
  {
    type: 'actions',
    elements: [
      { type: 'button', action_id: 'ping', text: text('Ping'), value: 'p' },
      {
        type: 'static_select',
        action_id: 'pick',
        placeholder: text('Pick a tier'),
        options: options([
          ['silver', 'Silver'],
          ['gold', 'Gold'],
        ]),
      },
      {
        type: 'overflow',
        action_id: 'more',
        options: options([
          ['share', 'Share'],
          ['archive', 'Archive'],
        ]),
      },
    ],
  },
];

const input = (id: string, label: string, element: Record<string, unknown>, optional = false): KnownBlock =>
  ({
    type: 'input',
    block_id: id,
    label: text(label),
    optional,
    element: { action_id: id, ...element },
  }) as KnownBlock;

/** A rich_text block; Slack's stand-in does not take them in messages yet, so the page's renderer draws it directly. */
export const RICH_TEXT_BLOCK = {
  type: 'rich_text',
  elements: [
    {
      type: 'rich_text_list',
      style: 'bullet',
      elements: [
        {
          type: 'rich_text_section',
          elements: [{ type: 'text', text: 'first point', style: { bold: true } }],
        },
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'second point' }] },
      ],
    },
    { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'SELECT 1;' }] },
  ],
};

/** A modal with one input of every type the page fills. */
export function formView(): ModalView {
  return {
    type: 'modal',
    callback_id: 'form',
    title: text('Every input'),
    submit: text('Next'),
    close: text('Cancel'),
    notify_on_close: true,
    blocks: [
      input('name', 'Name', { type: 'plain_text_input' }),
      input('notes', 'Notes', { type: 'plain_text_input', multiline: true }),
      input('seats', 'Seats', { type: 'number_input', is_decimal_allowed: false }),
      input('tier', 'Tier', {
        type: 'static_select',
        options: options([
          ['silver', 'Silver'],
          ['gold', 'Gold'],
        ]),
      }),
      input('regions', 'Regions', {
        type: 'multi_static_select',
        options: options([
          ['emea', 'EMEA'],
          ['amer', 'Americas'],
          ['apac', 'APAC'],
        ]),
      }),
      input('channel', 'Channel', {
        type: 'radio_buttons',
        options: options([
          ['email', 'Email'],
          ['phone', 'Phone'],
        ]),
      }),
      input(
        'extras',
        'Extras',
        {
          type: 'checkboxes',
          options: options([
            ['onboarding', 'Onboarding'],
            ['training', 'Training'],
          ]),
        },
        true,
      ),
      input('start', 'Start date', { type: 'datepicker' }),
      input('file', 'Attachment', { type: 'file_input', filetypes: ['csv'], max_files: 1 }, true),
    ],
  };
}

/** The view pushed on top of the stack at `depth`; it asks for view_closed too. */
export function pushedView(depth: number): ModalView {
  return {
    type: 'modal',
    callback_id: 'layer',
    private_metadata: String(depth),
    title: text(`Layer ${depth}`),
    submit: text('Next'),
    close: text('Close'),
    notify_on_close: true,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `View *${depth}* of the stack` } }],
  };
}
