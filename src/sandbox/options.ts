import { isRecord, type Json } from './json.js';

/** An option as interaction payloads report a choice: plain text and value. */
export interface ChosenOption {
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
}

/** The option of a select, overflow, radio or checkbox element with the given value; throws if it offers none. */
export function findOption(element: Json, value: string): ChosenOption {
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isRecord) : [];
  const options = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...groups.flatMap((g) => (Array.isArray(g.options) ? g.options : [])),
  ].filter(isRecord);
  const found = options.find((o) => o.value === value);
  if (!found || !isRecord(found.text))
    throw new Error(`Element ${String(element.action_id)} offers no option with value '${value}'`);
  return { text: { type: 'plain_text', text: String(found.text.text), emoji: true }, value };
}
