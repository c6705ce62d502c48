import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/blocks/format.js';
import {
  blockTextLength,
  checkMessage,
  checkView,
  LIMITS,
  type LimitCheck,
  MAX_MESSAGE_BLOCK_TEXT,
} from '../../src/blocks/limits.js';

// Lengths count UTF-16 code units: a CJK character is one, most emoji are two.
const ALPHABETS = { latin: 'a', cjk: '漢', emoji: '😀' } as const;
type Alphabet = keyof typeof ALPHABETS;

/** A string of exactly `n` UTF-16 code units in the given alphabet (an odd emoji length ends with one letter). */
function textOf(n: number, alphabet: Alphabet): string {
  const unit = ALPHABETS[alphabet];
  return unit.repeat(Math.floor(n / unit.length)) + 'a'.repeat(n % unit.length);
}

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value = 'v') => ({ text: pt(text), value });
const button = (extra: object = {}) => ({ type: 'button', text: pt('Go'), action_id: 'go', ...extra });
const msg = (...blocks: object[]) => checkMessage({ text: 'fallback', blocks });
const actions = (...elements: object[]) => msg({ type: 'actions', elements });
const input = (element: object, extra: object = {}) => ({
  type: 'input',
  label: pt('Field'),
  element,
  ...extra,
});
const modal = (extra: object = {}, blocks: object[] = []) =>
  checkView({ type: 'modal', title: pt('Qualify'), submit: pt('Save'), blocks, ...extra });
const select = (extra: object) => ({
  type: 'static_select',
  action_id: 's',
  options: [option('A')],
  ...extra,
});

/** Text fields: each builds a payload around a string and checks it. */
const textLimits: [name: string, limit: number, check: (s: string) => LimitCheck][] = [
  ['section text', LIMITS.sectionText, (s) => msg({ type: 'section', text: md(s) })],
  ['header text', LIMITS.headerText, (s) => msg({ type: 'header', text: pt(s) })],
  ['section field', LIMITS.sectionField, (s) => msg({ type: 'section', fields: [md(s)] })],
  ['context text', LIMITS.text, (s) => msg({ type: 'context', elements: [md(s)] })],
  ['block_id', LIMITS.blockId, (s) => msg({ type: 'divider', block_id: s })],
  ['button text', LIMITS.buttonText, (s) => actions(button({ text: pt(s) }))],
  ['button value', LIMITS.buttonValue, (s) => actions(button({ value: s }))],
  ['button url', LIMITS.url, (s) => actions(button({ url: s }))],
  ['action_id', LIMITS.actionId, (s) => actions(button({ action_id: s }))],
  ['accessibility label', LIMITS.accessibilityLabel, (s) => actions(button({ accessibility_label: s }))],
  [
    'confirm title',
    LIMITS.confirmTitle,
    (s) => actions(button({ confirm: { title: pt(s), text: pt('Sure?') } })),
  ],
  ['confirm text', LIMITS.confirmText, (s) => actions(button({ confirm: { text: md(s) } }))],
  [
    'confirm button',
    LIMITS.confirmButton,
    (s) => actions(button({ confirm: { text: pt('Sure?'), deny: pt(s) } })),
  ],
  ['placeholder', LIMITS.placeholder, (s) => actions(select({ placeholder: pt(s) }))],
  ['option text', LIMITS.optionText, (s) => actions(select({ options: [option(s)] }))],
  ['option value', LIMITS.optionValue, (s) => actions(select({ options: [option('A', s)] }))],
  [
    'option description',
    LIMITS.optionDescription,
    (s) => actions(select({ options: [{ ...option('A'), description: pt(s) }] })),
  ],
  [
    'option group label',
    LIMITS.optionText,
    (s) => actions(select({ options: undefined, option_groups: [{ label: pt(s), options: [option('A')] }] })),
  ],
  [
    'input label',
    LIMITS.inputLabel,
    (s) => modal({}, [input({ type: 'plain_text_input' }, { label: pt(s) })]),
  ],
  ['input hint', LIMITS.inputHint, (s) => modal({}, [input({ type: 'plain_text_input' }, { hint: pt(s) })])],
  [
    'image alt text',
    LIMITS.imageAltText,
    (s) => msg({ type: 'image', image_url: 'https://x.test/a.png', alt_text: s }),
  ],
  [
    'image title',
    LIMITS.imageTitle,
    (s) => msg({ type: 'image', image_url: 'https://x.test/a.png', alt_text: 'a', title: pt(s) }),
  ],
  ['image url', LIMITS.url, (s) => msg({ type: 'image', image_url: s, alt_text: 'a' })],
  ['message text', LIMITS.messageText, (s) => checkMessage({ text: s })],
  ['modal title', LIMITS.viewTitle, (s) => modal({ title: pt(s) })],
  ['modal submit', LIMITS.viewButton, (s) => modal({ submit: pt(s) })],
  ['modal close', LIMITS.viewButton, (s) => modal({ close: pt(s) })],
  ['callback_id', LIMITS.callbackId, (s) => modal({ callback_id: s })],
  ['private_metadata', LIMITS.privateMetadata, (s) => modal({ private_metadata: s })],
  ['external_id', LIMITS.externalId, (s) => modal({ external_id: s })],
];

describe.each(Object.keys(ALPHABETS) as Alphabet[])('text limits in %s text', (alphabet) => {
  it.each(textLimits)('accepts a %s of exactly %i characters and refuses one more', (_name, limit, check) => {
    expect(check(textOf(limit, alphabet))).toEqual({ ok: true });
    const over = check(textOf(limit + 1, alphabet));
    expect(over.ok).toBe(false);
    if (!over.ok)
      expect(over.problems.join('\n')).toMatch(
        new RegExp(`at most ${limit} characters \\(has ${limit + 1}\\)`),
      );
  });
});

/** Count limits: each builds a payload with `n` items. */
const countLimits: [name: string, limit: number, check: (n: number) => LimitCheck][] = [
  ['section fields', LIMITS.sectionFields, (n) => msg({ type: 'section', fields: Array(n).fill(md('f')) })],
  [
    'context elements',
    LIMITS.contextElements,
    (n) => msg({ type: 'context', elements: Array(n).fill(md('c')) }),
  ],
  [
    'actions elements',
    LIMITS.actionsElements,
    (n) => actions(...Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` }))),
  ],
  ['select options', LIMITS.selectOptions, (n) => actions(select({ options: Array(n).fill(option('A')) }))],
  [
    'option groups',
    LIMITS.optionGroups,
    (n) =>
      actions(
        select({
          options: undefined,
          option_groups: Array(n).fill({ label: pt('G'), options: [option('A')] }),
        }),
      ),
  ],
  [
    'multi-select options',
    LIMITS.selectOptions,
    (n) => modal({}, [input({ type: 'multi_static_select', options: Array(n).fill(option('A')) })]),
  ],
  [
    'radio options',
    LIMITS.choiceOptions,
    (n) => modal({}, [input({ type: 'radio_buttons', options: Array(n).fill(option('A')) })]),
  ],
  [
    'checkbox options',
    LIMITS.choiceOptions,
    (n) => modal({}, [input({ type: 'checkboxes', options: Array(n).fill(option('A')) })]),
  ],
  [
    'overflow options',
    LIMITS.overflowOptions,
    (n) => actions({ type: 'overflow', options: Array(n).fill(option('A')) }),
  ],
  [
    'file_input max_files',
    LIMITS.fileInputMaxFiles,
    (n) => modal({}, [input({ type: 'file_input', max_files: n })]),
  ],
  [
    'plain_text_input max_length',
    LIMITS.inputLength,
    (n) => modal({}, [input({ type: 'plain_text_input', max_length: n })]),
  ],
  [
    'plain_text_input min_length',
    LIMITS.inputLength,
    (n) => modal({}, [input({ type: 'plain_text_input', min_length: n })]),
  ],
  [
    'message blocks',
    LIMITS.messageBlocks,
    (n) => checkMessage({ blocks: Array(n).fill({ type: 'divider' }) }),
  ],
  ['modal blocks', LIMITS.viewBlocks, (n) => modal({}, Array(n).fill({ type: 'divider' }))],
  [
    'home blocks',
    LIMITS.viewBlocks,
    (n) => checkView({ type: 'home', blocks: Array(n).fill({ type: 'divider' }) }),
  ],
];

describe('count limits', () => {
  it.each(countLimits)('accepts %s at %i and refuses one more', (_name, limit, check) => {
    expect(check(limit)).toEqual({ ok: true });
    expect(check(limit + 1).ok).toBe(false);
  });
});

describe('message text budget', () => {
  const sections = (total: number) => {
    const blocks = [];
    for (let left = total; left > 0; left -= LIMITS.sectionText)
      blocks.push({ type: 'section', text: md('x'.repeat(Math.min(left, LIMITS.sectionText))) });
    return blocks;
  };

  it(`accepts blocks holding ${MAX_MESSAGE_BLOCK_TEXT} characters of text and refuses one more`, () => {
    expect(checkMessage({ blocks: sections(MAX_MESSAGE_BLOCK_TEXT) })).toEqual({ ok: true });
    expect(checkMessage({ blocks: sections(MAX_MESSAGE_BLOCK_TEXT + 1) })).toEqual({
      ok: false,
      problems: [expect.stringContaining('msg_blocks_too_long')],
    });
  });

  it('counts every text object: headers, fields, context, buttons, option texts', () => {
    const blocks = [
      { type: 'header', text: pt('abc') },
      { type: 'section', text: md('de'), fields: [md('f')], accessory: button({ text: pt('gh') }) },
      {
        type: 'context',
        elements: [md('ij'), { type: 'image', image_url: 'https://x.test', alt_text: 'not text' }],
      },
      { type: 'actions', elements: [select({ options: [option('klm')] })] },
    ];
    expect(blockTextLength(blocks)).toBe(13);
  });
});

describe('structure', () => {
  it('requires a submit button on a modal with an input block', () => {
    const result = checkView({
      type: 'modal',
      title: pt('Lead'),
      blocks: [input({ type: 'plain_text_input' })],
    });
    expect(result).toEqual({
      ok: false,
      problems: ['submit: a modal with input blocks needs a submit button'],
    });
  });

  it('refuses duplicate block_ids and duplicate action_ids in one actions block', () => {
    const result = msg(
      { type: 'divider', block_id: 'a' },
      { type: 'actions', block_id: 'a', elements: [button(), button()] },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'blocks[1].elements[1].action_id: duplicate action_id',
        'blocks[1].block_id: duplicate block_id',
      ],
    });
  });

  it('refuses empty text, unknown block types and unknown fields', () => {
    expect(msg({ type: 'section', text: md('') })).toEqual({
      ok: false,
      problems: ['blocks[0].text.text: must not be empty'],
    });
    expect(msg({ type: 'rich_text', elements: [] }).ok).toBe(false);
    expect(actions(button({ actionId: 'typo' })).ok).toBe(false);
  });

  it('refuses a section with neither text nor fields, and a select with both options and option groups', () => {
    expect(msg({ type: 'section' }).ok).toBe(false);
    expect(actions(select({ option_groups: [{ label: pt('G'), options: [option('A')] }] })).ok).toBe(false);
  });

  it('refuses min_length above max_length and min_value above max_value', () => {
    expect(modal({}, [input({ type: 'plain_text_input', min_length: 10, max_length: 5 })]).ok).toBe(false);
    expect(
      modal({}, [input({ type: 'number_input', is_decimal_allowed: false, min_value: '9', max_value: '1' })])
        .ok,
    ).toBe(false);
  });

  it('refuses a view over 250 kB of JSON', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => ({
      type: 'section',
      block_id: `b${i}`,
      text: md('x'.repeat(2600)),
    }));
    expect(checkView({ type: 'home', blocks })).toEqual({
      ok: false,
      problems: [expect.stringContaining('view_too_large')],
    });
  });
});

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Acme Corp', 9)).toBe('Acme Corp');
  });

  it('cuts to the limit, ending with an ellipsis', () => {
    expect(truncate('Pipeline Health 7/10', 10)).toBe('Pipeline…');
  });

  it('never splits an emoji, a family emoji or a flag', () => {
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('👨‍👩‍👧👨‍👩‍👧', 10)).toBe('👨‍👩‍👧…');
    expect(truncate('🇪🇸🇫🇷🇩🇪', 6)).toBe('🇪🇸…');
  });

  it('gives nothing rather than more than the limit when there is no room for the ellipsis', () => {
    expect(truncate('Acme', 0)).toBe('');
  });

  it('cuts CJK text one character at a time', () => {
    expect(truncate('営業パイプライン', 5)).toBe('営業パイ…');
  });

  it('always fits within the limit and keeps a grapheme-aligned prefix', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const graphemes = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 1, max: 80 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          if (cut === text) return;
          const kept = graphemes(cut.slice(0, -1));
          expect(graphemes(text).slice(0, kept.length).join('').trimEnd()).toBe(kept.join(''));
        },
      ),
    );
  });
});
