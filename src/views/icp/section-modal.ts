import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { checkRange, parseBound, parseItems } from '../../engines/icp/input.js';
import {
  describeValue,
  type IcpValues,
  isRangeSection,
  itemId,
  MAX_ITEM_LENGTH,
  MAX_ITEMS,
  type Range,
  SECTION_IDS,
  SECTIONS,
  type SectionId,
} from '../../engines/icp/sections.js';
import { ICP_VIEW } from './ids.js';

/** What the modal remembers between opening and submitting. */
const metadataSchema = z.object({
  slug: z.string(),
  section: z.enum(SECTION_IDS),
  mode: z.enum(['edit', 'suggest']),
  /** The section's version when the modal opened; a range saved after that is a conflict. */
  version: z.number().int(),
  /** Ids of the items shown when the modal opened, so only items the person deleted are removed. */
  base: z.array(z.string()),
  channel: z.string().optional(),
});
export type SectionModalMetadata = z.output<typeof metadataSchema>;

export function readSectionMetadata(raw: string): SectionModalMetadata {
  return metadataSchema.parse(JSON.parse(raw));
}

const input = (
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KnownBlock =>
  ({
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element: { action_id: ICP_VIEW.action, ...element },
    ...extra,
  }) as KnownBlock;

const bound = (range: Range | undefined, end: 'min' | 'max') =>
  range === undefined ? {} : { initial_value: String(range[end]) };

/** The modal that edits one section (pre-filled with its value), or suggests a change to it. */
export function sectionModal(
  section: SectionId,
  values: IcpValues,
  meta: Omit<SectionModalMetadata, 'base' | 'section'>,
): ModalView {
  const info = SECTIONS[section];
  const suggest = meta.mode === 'suggest';
  const blocks: KnownBlock[] = [];
  const current = describeValue(section, values);
  if (suggest) {
    const now = current.length === 0 ? '_not set yet_' : current.join(', ');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${info.title}* now: ${now.slice(0, 2500)}` },
    });
  }
  if (isRangeSection(section)) {
    const range = suggest ? undefined : values[section];
    const example = section === 'companySize' ? 'employees, e.g. 50' : 'e.g. 5m or $500k';
    blocks.push(
      input(ICP_VIEW.minBlock, 'Minimum', {
        type: 'plain_text_input',
        placeholder: { type: 'plain_text', text: example },
        ...bound(range, 'min'),
      }),
    );
    blocks.push(input(ICP_VIEW.maxBlock, 'Maximum', { type: 'plain_text_input', ...bound(range, 'max') }));
  } else {
    const items = values[section];
    blocks.push(
      input(
        ICP_VIEW.itemsBlock,
        suggest ? 'Items to add' : info.title,
        {
          type: 'plain_text_input',
          multiline: true,
          max_length: 3000,
          placeholder: { type: 'plain_text', text: `One per line, e.g. ${info.example}` },
          ...(!suggest && items.length > 0 ? { initial_value: items.join('\n') } : {}),
        },
        {
          optional: !suggest,
          hint: {
            type: 'plain_text',
            text: suggest
              ? 'One per line. An editor accepts or dismisses your suggestion on the card.'
              : `One per line, up to ${MAX_ITEMS} items of ${MAX_ITEM_LENGTH} characters. Deleting a line removes only that item; items others add meanwhile are kept.`,
          },
        },
      ),
    );
  }
  const base = isRangeSection(section) || suggest ? [] : values[section].map(itemId);
  const metadata: SectionModalMetadata = { ...meta, section, base };
  const title = suggest ? 'Suggest a change' : `Edit ${info.title}`.slice(0, 24);
  return {
    type: 'modal',
    callback_id: ICP_VIEW.callbackId,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: suggest ? 'Suggest' : 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

type StateValues = Record<string, Record<string, { value?: string | null }>>;

/** What a submitted modal asks for: items to add and ids to remove, or a range; or errors by block. */
export type SectionChange =
  | { ok: true; kind: 'list'; add: string[]; remove: Set<string> }
  | { ok: true; kind: 'range'; range: Range }
  | { ok: false; errors: Record<string, string> };

const textOf = (values: StateValues, block: string) => values[block]?.[ICP_VIEW.action]?.value ?? '';

/** Reads a submission; every problem comes back on its field, and nothing is saved while there is one. */
export function parseSectionSubmission(values: StateValues, meta: SectionModalMetadata): SectionChange {
  const { section } = meta;
  if (isRangeSection(section)) {
    const min = parseBound(section, textOf(values, ICP_VIEW.minBlock), 'minimum');
    const max = parseBound(section, textOf(values, ICP_VIEW.maxBlock), 'maximum');
    const errors: Record<string, string> = {};
    if (!min.ok) errors[ICP_VIEW.minBlock] = min.problem;
    if (!max.ok) errors[ICP_VIEW.maxBlock] = max.problem;
    if (!min.ok || !max.ok) return { ok: false, errors };
    const range = checkRange(section, { min: min.value, max: max.value });
    return range.ok
      ? { ok: true, kind: 'range', range: range.value }
      : { ok: false, errors: { [ICP_VIEW.minBlock]: range.problem } };
  }
  const items = parseItems(textOf(values, ICP_VIEW.itemsBlock), SECTIONS[section].title);
  if (!items.ok) return { ok: false, errors: { [ICP_VIEW.itemsBlock]: items.problem } };
  if (meta.mode === 'suggest' && items.value.length === 0)
    return {
      ok: false,
      errors: {
        [ICP_VIEW.itemsBlock]: `Write at least one item to suggest, e.g. ${SECTIONS[section].example}`,
      },
    };
  const kept = new Set(items.value.map(itemId));
  const remove = new Set(meta.base.filter((id) => !kept.has(id)));
  return { ok: true, kind: 'list', add: items.value, remove };
}
