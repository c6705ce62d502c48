import type { KnownBlock } from '@slack/types';
import {
  type BlueprintSection,
  formatHealth,
  renderBlueprint,
  sanitize,
  splitBlueprintSections,
} from '../engines/blueprint/index.js';
import type { Design } from '../engines/design.js';
import { renderBlueprintSummary, type SummaryOptions } from './blueprint-summary.js';
import { escapeMrkdwn, splitGraphemes, truncate } from './format.js';
import { LIMITS, MAX_MESSAGE_BLOCK_TEXT } from './limits.js';

/** One Slack message: a `text` fallback for notifications and screen readers, and its blocks. */
export interface BlueprintMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A code block's text is ```` ```\n ```` + escaped chunk + ```` ``` ````; the chunk between them is the blueprint text. */
export const CODE_OPEN = '```\n';
export const CODE_CLOSE = '```';
const CHUNK_MAX = LIMITS.sectionText - CODE_OPEN.length - CODE_CLOSE.length;
const FALLBACK_MAX = 500;

function escapedLength(text: string): number {
  return escapeMrkdwn(text).length;
}

/** Splits one line that cannot fit a code block on its own between graphemes (only pathological input gets here). */
function splitLongLine(line: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const g of splitGraphemes(line)) {
    if (piece !== '' && escapedLength(piece + g) > CHUNK_MAX) {
      pieces.push(piece);
      piece = '';
    }
    piece += g;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Cuts a section's text into chunks whose escaped form fits one code block, at line boundaries: a chunk
 * always ends with a whole line (and its `\n`). Joined, the chunks give back the section's text exactly.
 */
export function chunkSection(body: string): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let size = 0;
  for (const line of body.split(/(?<=\n)/)) {
    const length = escapedLength(line);
    if (line === '') continue;
    if (size + length <= CHUNK_MAX) {
      chunk += line;
      size += length;
      continue;
    }
    if (chunk !== '') chunks.push(chunk);
    chunk = '';
    size = 0;
    if (length <= CHUNK_MAX) {
      chunk = line;
      size = length;
    } else chunks.push(...splitLongLine(line));
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}

/** A section block showing a chunk of the blueprint as a mrkdwn code block. */
export function codeBlock(chunk: string): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `${CODE_OPEN}${escapeMrkdwn(chunk)}${CODE_CLOSE}` },
  };
}

/**
 * Packs the blueprint's sections into messages of code blocks: one block per section (more when a section is
 * longer than a block holds), each message within 50 blocks and the total-text budget.
 */
export function blueprintCodeMessages(
  sections: readonly BlueprintSection[],
  business: string,
): BlueprintMessage[] {
  const groups: { titles: string[]; blocks: KnownBlock[]; size: number }[] = [];
  for (const section of sections) {
    for (const chunk of chunkSection(section.body)) {
      const block = codeBlock(chunk);
      const size = CODE_OPEN.length + escapedLength(chunk) + CODE_CLOSE.length;
      let group = groups[groups.length - 1];
      if (
        group === undefined ||
        group.size + size > MAX_MESSAGE_BLOCK_TEXT ||
        group.blocks.length >= LIMITS.messageBlocks
      ) {
        group = { titles: [], blocks: [], size: 0 };
        groups.push(group);
      }
      group.blocks.push(block);
      group.size += size;
      const title = sanitize(section.title);
      if (title !== '' && !group.titles.includes(title)) group.titles.push(title);
    }
  }
  const name = sanitize(business) || 'your business';
  return groups.map((group, i) => ({
    text: escapeMrkdwn(
      truncate(
        `Blueprint for ${name}, part ${i + 1} of ${groups.length}: ${group.titles.join(', ')}`,
        FALLBACK_MAX,
      ),
    ),
    blocks: group.blocks,
  }));
}

/**
 * Renders a blueprint as Slack messages: the Block Kit summary first (post it in the channel), then the text
 * blueprint in code blocks split at section boundaries (post those in the summary's thread).
 */
export function renderBlueprintMessages(design: Design, options: SummaryOptions): BlueprintMessage[] {
  const name = sanitize(design.business) || 'your business';
  const summary: BlueprintMessage = {
    text: escapeMrkdwn(
      truncate(
        `Sales operations blueprint for ${name}: ${sanitize(design.qualification.frameworkName)} framework, Pipeline Health ${design.overview.health.insufficient === true ? 'insufficient data' : formatHealth(design.overview.health.score)}`,
        FALLBACK_MAX,
      ),
    ),
    blocks: renderBlueprintSummary(design, options),
  };
  const text = renderBlueprint(design, { now: options.now });
  return [summary, ...blueprintCodeMessages(splitBlueprintSections(text), design.business)];
}
