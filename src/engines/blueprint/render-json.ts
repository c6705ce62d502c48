import type { Design } from '../design.js';
import { parseNow } from './labels.js';

/** Renders the design as pretty JSON with the time it was generated first: `{ generatedAt, ...design }`. */
export function renderBlueprintJson(design: Design, options: { now: string }): string {
  // Parsed only to refuse a malformed timestamp; the JSON keeps it as given.
  parseNow(options.now);
  return `${JSON.stringify({ generatedAt: options.now, ...design }, null, 2)}\n`;
}
