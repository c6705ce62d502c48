import { z } from 'zod';

/**
 * Total text a message's blocks may carry. Slack answers `msg_blocks_too_long` somewhere around 12–13k
 * characters (undocumented), so renderers keep to this budget.
 */
export const MAX_MESSAGE_BLOCK_TEXT = 11_000;

/** Slack's Block Kit, message and view limits, as documented in @slack/types and the Block Kit reference. */
export const LIMITS = {
  text: 3000,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  actionId: 255,
  blockId: 255,
  placeholder: 150,
  optionText: 75,
  optionValue: 75,
  optionDescription: 75,
  selectOptions: 100,
  optionGroups: 100,
  choiceOptions: 10,
  overflowOptions: 5,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2000,
  inputHint: 2000,
  inputLength: 3000,
  fileInputMaxFiles: 10,
  imageAltText: 2000,
  imageTitle: 2000,
  messageBlocks: 50,
  messageText: 40_000,
  messageBlockText: MAX_MESSAGE_BLOCK_TEXT,
  viewBlocks: 100,
  viewTitle: 24,
  viewButton: 24,
  callbackId: 255,
  externalId: 255,
  privateMetadata: 3000,
  viewPayloadBytes: 250_000,
} as const;

// Lengths are UTF-16 code units (JS `length`), never fewer than the characters Slack counts, so text that
// fits here fits Slack whether it counts code points or code units. zod's own `.max()` counts code points,
// which would let emoji-heavy text through, hence the refinement.
const str = (max: number) =>
  z.string().refine((s) => s.length <= max, {
    error: (iss) => `must be at most ${max} characters (has ${lengthOf(iss.input)})`,
  });
const lengthOf = (input: unknown): string => (typeof input === 'string' ? String(input.length) : '?');
const chars = (max: number) => str(max).min(1, 'must not be empty');
const list = <T extends z.ZodType>(item: T, max: number, min = 1) =>
  z
    .array(item)
    .min(min, `must have at least ${min} item${min === 1 ? '' : 's'}`)
    .max(max, { error: (iss) => `must have at most ${max} items (has ${countOf(iss.input)})` });
const countOf = (input: unknown): string => (Array.isArray(input) ? String(input.length) : '?');

const plainText = (max: number = LIMITS.text) =>
  z.strictObject({ type: z.literal('plain_text'), text: chars(max), emoji: z.boolean().optional() });
const mrkdwn = (max: number = LIMITS.text) =>
  z.strictObject({ type: z.literal('mrkdwn'), text: chars(max), verbatim: z.boolean().optional() });
const textObject = (max: number = LIMITS.text) => z.discriminatedUnion('type', [plainText(max), mrkdwn(max)]);

const actionId = chars(LIMITS.actionId).optional();
const blockId = chars(LIMITS.blockId).optional();
const placeholder = plainText(LIMITS.placeholder).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

const confirm = z.strictObject({
  title: plainText(LIMITS.confirmTitle).optional(),
  text: textObject(LIMITS.confirmText),
  confirm: plainText(LIMITS.confirmButton).optional(),
  deny: plainText(LIMITS.confirmButton).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});
const dispatchConfig = z.strictObject({
  trigger_actions_on: z.array(z.enum(['on_enter_pressed', 'on_character_entered'])).optional(),
});

const optionFields = {
  value: chars(LIMITS.optionValue),
  description: plainText(LIMITS.optionDescription).optional(),
};
const option = z.strictObject({ text: plainText(LIMITS.optionText), ...optionFields });
const choiceOption = z.strictObject({ text: textObject(LIMITS.optionText), ...optionFields });
const overflowOption = option.extend({ url: str(LIMITS.url).optional() });
const optionGroup = z.strictObject({
  label: plainText(LIMITS.optionText),
  options: list(option, LIMITS.selectOptions),
});

const button = z.strictObject({
  type: z.literal('button'),
  text: plainText(LIMITS.buttonText),
  action_id: actionId,
  url: str(LIMITS.url).optional(),
  value: str(LIMITS.buttonValue).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  confirm: confirm.optional(),
  accessibility_label: chars(LIMITS.accessibilityLabel).optional(),
});
const selectFields = {
  action_id: actionId,
  options: list(option, LIMITS.selectOptions).optional(),
  option_groups: list(optionGroup, LIMITS.optionGroups).optional(),
  placeholder,
  confirm: confirm.optional(),
  focus_on_load: z.boolean().optional(),
};
const oneOptionSource = (s: { options?: unknown; option_groups?: unknown }) =>
  (s.options === undefined) !== (s.option_groups === undefined);
const optionSourceError = { message: 'needs exactly one of options or option_groups' };
const staticSelect = z
  .strictObject({ type: z.literal('static_select'), initial_option: option.optional(), ...selectFields })
  .refine(oneOptionSource, optionSourceError);
const multiStaticSelect = z
  .strictObject({
    type: z.literal('multi_static_select'),
    initial_options: z.array(option).optional(),
    max_selected_items: z.int().min(1).optional(),
    ...selectFields,
  })
  .refine(oneOptionSource, optionSourceError);
const overflow = z.strictObject({
  type: z.literal('overflow'),
  action_id: actionId,
  options: list(overflowOption, LIMITS.overflowOptions),
  confirm: confirm.optional(),
});
const interactive = {
  action_id: actionId,
  confirm: confirm.optional(),
  focus_on_load: z.boolean().optional(),
};
const datepicker = z.strictObject({
  type: z.literal('datepicker'),
  initial_date: isoDate.optional(),
  placeholder,
  ...interactive,
});
const timepicker = z.strictObject({
  type: z.literal('timepicker'),
  initial_time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:mm')
    .optional(),
  timezone: z.string().optional(),
  placeholder,
  ...interactive,
});
const usersSelect = z.strictObject({
  type: z.literal('users_select'),
  initial_user: z.string().optional(),
  placeholder,
  ...interactive,
});
const radioButtons = z.strictObject({
  type: z.literal('radio_buttons'),
  options: list(choiceOption, LIMITS.choiceOptions),
  initial_option: choiceOption.optional(),
  ...interactive,
});
const checkboxes = z.strictObject({
  type: z.literal('checkboxes'),
  options: list(choiceOption, LIMITS.choiceOptions),
  initial_options: z.array(choiceOption).optional(),
  ...interactive,
});
const typing = {
  action_id: actionId,
  placeholder,
  dispatch_action_config: dispatchConfig.optional(),
  focus_on_load: z.boolean().optional(),
};
const plainTextInput = z
  .strictObject({
    type: z.literal('plain_text_input'),
    initial_value: z.string().optional(),
    multiline: z.boolean().optional(),
    min_length: z.int().min(0).max(LIMITS.inputLength).optional(),
    max_length: z.int().min(1).max(LIMITS.inputLength).optional(),
    ...typing,
  })
  .refine((e) => (e.min_length ?? 0) <= (e.max_length ?? LIMITS.inputLength), {
    message: 'min_length must not exceed max_length',
  });
const numeric = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number written as a string');
const numberInput = z
  .strictObject({
    type: z.literal('number_input'),
    is_decimal_allowed: z.boolean(),
    initial_value: numeric.optional(),
    min_value: numeric.optional(),
    max_value: numeric.optional(),
    ...typing,
  })
  .refine((e) => e.min_value === undefined || e.max_value === undefined || +e.min_value <= +e.max_value, {
    message: 'min_value must not exceed max_value',
  });
const fileInput = z.strictObject({
  type: z.literal('file_input'),
  action_id: actionId,
  filetypes: z.array(z.string().min(1)).optional(),
  max_files: z.int().min(1).max(LIMITS.fileInputMaxFiles).optional(),
});
const imageSource = {
  image_url: str(LIMITS.url).min(1).optional(),
  slack_file: z.union([z.strictObject({ id: z.string() }), z.strictObject({ url: z.string() })]).optional(),
};
const oneImageSource = (i: { image_url?: unknown; slack_file?: unknown }) =>
  (i.image_url === undefined) !== (i.slack_file === undefined);
const imageSourceError = { message: 'needs exactly one of image_url or slack_file' };
const imageElement = z
  .strictObject({ type: z.literal('image'), alt_text: chars(LIMITS.imageAltText), ...imageSource })
  .refine(oneImageSource, imageSourceError);

const uniqueActionIds = (elements: readonly { action_id?: string | undefined }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  elements.forEach((e, i) => {
    if (e.action_id === undefined) return;
    if (seen.has(e.action_id))
      ctx.addIssue({ code: 'custom', path: ['elements', i, 'action_id'], message: 'duplicate action_id' });
    seen.add(e.action_id);
  });
};

/** One block of the Block Kit subset sales-ops renders, with Slack's limits. */
export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), block_id: blockId, text: plainText(LIMITS.headerText) }),
  z
    .strictObject({
      type: z.literal('section'),
      block_id: blockId,
      text: textObject(LIMITS.sectionText).optional(),
      fields: list(textObject(LIMITS.sectionField), LIMITS.sectionFields).optional(),
      accessory: z.discriminatedUnion('type', [button, overflow, staticSelect]).optional(),
      expand: z.boolean().optional(),
    })
    .refine((s) => s.text !== undefined || s.fields !== undefined, { message: 'needs text or fields' }),
  z.strictObject({ type: z.literal('divider'), block_id: blockId }),
  z.strictObject({
    type: z.literal('context'),
    block_id: blockId,
    elements: list(
      z.discriminatedUnion('type', [plainText(), mrkdwn(), imageElement]),
      LIMITS.contextElements,
    ),
  }),
  z
    .strictObject({
      type: z.literal('actions'),
      block_id: blockId,
      elements: list(
        z.discriminatedUnion('type', [button, staticSelect, overflow, datepicker, usersSelect]),
        LIMITS.actionsElements,
      ),
    })
    .superRefine((b, ctx) => uniqueActionIds(b.elements, ctx)),
  z.strictObject({
    type: z.literal('input'),
    block_id: blockId,
    label: plainText(LIMITS.inputLabel),
    hint: plainText(LIMITS.inputHint).optional(),
    optional: z.boolean().optional(),
    dispatch_action: z.boolean().optional(),
    element: z.discriminatedUnion('type', [
      plainTextInput,
      staticSelect,
      multiStaticSelect,
      radioButtons,
      checkboxes,
      numberInput,
      datepicker,
      timepicker,
      usersSelect,
      fileInput,
    ]),
  }),
  z
    .strictObject({
      type: z.literal('image'),
      block_id: blockId,
      alt_text: chars(LIMITS.imageAltText),
      title: plainText(LIMITS.imageTitle).optional(),
      ...imageSource,
    })
    .refine(oneImageSource, imageSourceError),
]);

/** A block as the schema accepts it. */
export type CheckedBlock = z.infer<typeof blockSchema>;

const blocks = (max: number) =>
  list(blockSchema, max, 0).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((b, i) => {
      if (b.block_id === undefined) return;
      if (seen.has(b.block_id))
        ctx.addIssue({ code: 'custom', path: [i, 'block_id'], message: 'duplicate block_id' });
      seen.add(b.block_id);
    });
  });

/** A message's content (`chat.postMessage`, `chat.update`, `respond()`); other fields pass through. */
export const messageSchema = z.looseObject({
  text: str(LIMITS.messageText).optional(),
  blocks: blocks(LIMITS.messageBlocks).optional(),
});

const viewFields = {
  blocks: blocks(LIMITS.viewBlocks),
  callback_id: str(LIMITS.callbackId).optional(),
  private_metadata: str(LIMITS.privateMetadata).optional(),
  external_id: chars(LIMITS.externalId).optional(),
};

/** A modal view; `submit` is required as soon as the modal holds an input block. */
export const modalViewSchema = z
  .strictObject({
    type: z.literal('modal'),
    title: plainText(LIMITS.viewTitle),
    submit: plainText(LIMITS.viewButton).optional(),
    close: plainText(LIMITS.viewButton).optional(),
    clear_on_close: z.boolean().optional(),
    notify_on_close: z.boolean().optional(),
    submit_disabled: z.boolean().optional(),
    ...viewFields,
  })
  .refine((v) => v.submit !== undefined || !v.blocks.some((b) => b.type === 'input'), {
    message: 'a modal with input blocks needs a submit button',
    path: ['submit'],
  });

/** An App Home tab view. */
export const homeViewSchema = z.strictObject({ type: z.literal('home'), ...viewFields });

/** The outcome of a limits check: fine, or each problem as `path: what is wrong`. */
export type LimitCheck = { ok: true } | { ok: false; problems: string[] };

/** Sums the length of every text object (plain_text and mrkdwn) anywhere in a block list. */
export function blockTextLength(blockList: readonly unknown[]): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'plain_text' || record.type === 'mrkdwn') && typeof record.text === 'string') {
      total += record.text.length;
      return;
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(blockList);
  return total;
}

/** Formats zod issues as `blocks[2].text.text: must be at most 3000 characters (has 3001)`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Checks a message payload against Slack's block limits and the total-text budget. */
export function checkMessage(payload: unknown): LimitCheck {
  const parsed = messageSchema.safeParse(payload);
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  if (parsed.success && parsed.data.blocks !== undefined) {
    const total = blockTextLength(parsed.data.blocks);
    if (total > MAX_MESSAGE_BLOCK_TEXT)
      problems.push(
        `blocks: hold ${total} characters of text; keep to ${MAX_MESSAGE_BLOCK_TEXT} (Slack rejects larger messages with msg_blocks_too_long)`,
      );
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Checks a modal or Home view against Slack's view limits, including the 250 kB payload cap. */
export function checkView(view: unknown): LimitCheck {
  const type = typeof view === 'object' && view !== null ? (view as { type?: unknown }).type : undefined;
  const schema = type === 'home' ? homeViewSchema : modalViewSchema;
  const parsed = schema.safeParse(view);
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  const bytes = Buffer.byteLength(JSON.stringify(view) ?? '');
  if (bytes > LIMITS.viewPayloadBytes)
    problems.push(
      `view: is ${bytes} bytes of JSON; Slack's limit is ${LIMITS.viewPayloadBytes} (view_too_large)`,
    );
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
