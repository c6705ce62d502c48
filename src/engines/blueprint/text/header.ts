import type { Design } from '../../design.js';
import { modelName, SECTION_TITLES } from '../labels.js';
import { orDash } from '../layout/format.js';
import { sanitize } from '../layout/sanitize.js';

/** The rule under a section title: three columns shorter than the boxes, as in the seed. */
export function sectionHeading(title: string, width: number): string[] {
  return [title, '─'.repeat(width - 3)];
}

/** The header block: title, `═` rule, Business / Model / Time, `═` rule. */
export function headerLines(design: Design, time: string, width: number): string[] {
  const rule = '═'.repeat(width);
  return [
    SECTION_TITLES.header,
    rule,
    `Business: ${orDash(sanitize(design.business))}`,
    `Model: ${modelName(design.model)}`,
    `Time: ${time}`,
    rule,
  ];
}
