import type { UploadedFile, ViewOutput, ViewStateValue } from '@slack/bolt';
import { isRecord, type Json } from './json.js';
import { findOption } from './options.js';

/** A file a person picks in a file_input. */
export interface UploadInput {
  name: string;
  content: string | Uint8Array;
}

/** What a person enters in one input block: text, a choice, several choices, or files. */
export type FieldValue = string | number | null | readonly string[] | readonly UploadInput[];

/** Slack's client refused to submit the form; `problems` holds its inline message per block_id. */
export class SubmissionRejectedError extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super(`Slack would not submit this form: ${JSON.stringify(problems)}`);
    this.name = 'SubmissionRejectedError';
    this.problems = problems;
  }
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? [...v] : v == null ? [] : [v]);
const asText = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

/** Reads one input element the way Slack reports it, noting what the client would refuse. */
function readInput(
  element: Json,
  blockId: string,
  given: FieldValue | undefined,
  upload: (file: UploadInput) => UploadedFile,
  problem: (message: string) => void,
): ViewStateValue {
  const type = String(element.type);
  switch (type) {
    case 'plain_text_input':
    case 'number_input': {
      const value = given === undefined ? asText(element.initial_value) : asText(given);
      if (value !== null && value !== '') checkTyped(element, value, problem);
      return { type, value: value === '' ? null : value };
    }
    case 'static_select':
    case 'radio_buttons': {
      const initial = isRecord(element.initial_option) ? element.initial_option.value : null;
      const picked = asText(given === undefined ? initial : given);
      return { type, selected_option: picked === null ? null : findOption(element, picked) };
    }
    case 'multi_static_select':
    case 'checkboxes': {
      const picked =
        given === undefined
          ? asList(element.initial_options).map((o) => (isRecord(o) ? o.value : o))
          : asList(given);
      const max = typeof element.max_selected_items === 'number' ? element.max_selected_items : Infinity;
      if (picked.length > max) problem(`Choose at most ${max}.`);
      return { type, selected_options: picked.map((v) => findOption(element, String(v))) };
    }
    case 'datepicker': {
      const date = given === undefined ? asText(element.initial_date) : asText(given);
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new Error(`Input ${blockId} needs a date as YYYY-MM-DD`);
      return { type, selected_date: date };
    }
    case 'timepicker': {
      const time = given === undefined ? asText(element.initial_time) : asText(given);
      if (time && !/^\d{2}:\d{2}$/.test(time)) throw new Error(`Input ${blockId} needs a time as HH:mm`);
      return { type, selected_time: time };
    }
    case 'users_select':
      return {
        type,
        selected_user: given === undefined ? asText(element.initial_user) : asText(given),
      };
    case 'file_input': {
      const files = asList(given).filter((f): f is UploadInput => isRecord(f) && typeof f.name === 'string');
      const max = typeof element.max_files === 'number' ? element.max_files : 10;
      if (files.length > max) problem(`Upload at most ${max} files.`);
      const types = Array.isArray(element.filetypes) ? element.filetypes.map(String) : undefined;
      const wrong = files.find((f) => types && !types.includes(f.name.split('.').pop()?.toLowerCase() ?? ''));
      if (wrong && types) problem(`${wrong.name} is not one of: ${types.join(', ')}.`);
      return { type, files: files.map(upload) };
    }
    default:
      throw new Error(`Input ${blockId} has an element type the stand-in cannot fill: ${type}`);
  }
}

function checkTyped(element: Json, value: string, problem: (message: string) => void): void {
  if (element.type === 'plain_text_input') {
    if (typeof element.max_length === 'number' && value.length > element.max_length)
      problem(`Use ${element.max_length} characters or fewer.`);
    if (typeof element.min_length === 'number' && value.length < element.min_length)
      problem(`Use at least ${element.min_length} characters.`);
    return;
  }
  const number = Number(value);
  if (value.trim() === '' || Number.isNaN(number)) {
    problem('Enter a number.');
    return;
  }
  if (element.is_decimal_allowed !== true && !Number.isInteger(number)) problem('Enter a whole number.');
  if (typeof element.min_value === 'string' && number < Number(element.min_value))
    problem(`Enter ${element.min_value} or more.`);
  if (typeof element.max_value === 'string' && number > Number(element.max_value))
    problem(`Enter ${element.max_value} or less.`);
}

const isEmpty = (state: ViewStateValue): boolean =>
  (state.value ??
    state.selected_option ??
    state.selected_date ??
    state.selected_time ??
    state.selected_user) == null &&
  (state.selected_options?.length ?? 0) === 0 &&
  (state.files?.length ?? 0) === 0;

/** Builds `view.state.values` for a submission of `values` (by block_id), checking it as Slack's client would. */
export function submissionState(
  view: ViewOutput,
  values: Readonly<Record<string, FieldValue>>,
  upload: (file: UploadInput) => UploadedFile,
): ViewOutput['state'] {
  const blocks: readonly unknown[] = view.blocks;
  const inputs = blocks.filter(isRecord).filter((b) => b.type === 'input' && isRecord(b.element));
  const ids = inputs.map((b) => String(b.block_id));
  const unknown = Object.keys(values).filter((key) => !ids.includes(key));
  if (unknown.length > 0)
    throw new Error(`View has no input block ${unknown.join(', ')}; its inputs are ${ids.join(', ')}`);
  const state: ViewOutput['state'] = { values: {} };
  const problems: Record<string, string> = {};
  for (const block of inputs) {
    const blockId = String(block.block_id);
    const element = block.element;
    if (!isRecord(element)) continue;
    const note = (message: string) => {
      problems[blockId] ??= message;
    };
    const value = readInput(element, blockId, values[blockId], upload, note);
    if (block.optional !== true && isEmpty(value)) note('Please complete this required field.');
    state.values[blockId] = { [String(element.action_id)]: value };
  }
  if (Object.keys(problems).length > 0) throw new SubmissionRejectedError(problems);
  return state;
}
