import type { KnownBlock, SectionBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BlueprintMessage,
  blueprintCodeMessages,
  CODE_CLOSE,
  CODE_OPEN,
  chunkSection,
  renderBlueprintMessages,
} from '../../src/blocks/blueprint-messages.js';
import { renderBlueprintSummary } from '../../src/blocks/blueprint-summary.js';
import { unescapeMrkdwn } from '../../src/blocks/format.js';
import { blockTextLength, checkMessage, LIMITS, MAX_MESSAGE_BLOCK_TEXT } from '../../src/blocks/limits.js';
import { renderBlueprint, splitBlueprintSections } from '../../src/engines/blueprint/index.js';
import { anyDesign } from '../engines/blueprint/arbitraries.js';
import { assumedDesign, NOW, saasDesign } from '../engines/blueprint/fixture.js';

/** The text inside each code block of the messages, fences removed and escaping undone. */
function codeChunks(messages: readonly BlueprintMessage[]): string[] {
  return messages.flatMap((m) =>
    m.blocks.map((block: KnownBlock) => {
      const text = (block as SectionBlock).text?.text ?? '';
      expect(text.startsWith(CODE_OPEN) && text.endsWith(CODE_CLOSE)).toBe(true);
      return unescapeMrkdwn(text.slice(CODE_OPEN.length, -CODE_CLOSE.length));
    }),
  );
}

function expectWithinLimits(messages: readonly BlueprintMessage[]): void {
  for (const message of messages) {
    expect(checkMessage(message)).toEqual({ ok: true });
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(MAX_MESSAGE_BLOCK_TEXT);
    expect(message.text.trim()).not.toBe('');
  }
}

/** Every chunk but the very last ends at the end of a line, so no line was cut in two. */
function expectWholeLines(chunks: readonly string[]): void {
  for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true);
}

const lines = (n: number, line: string) => Array.from({ length: n }, (_, i) => `${i} ${line}\n`).join('');

describe('renderBlueprintMessages', () => {
  it('posts the Block Kit summary first', () => {
    const [first] = renderBlueprintMessages(saasDesign(), { now: NOW });
    expect(first?.blocks).toEqual(renderBlueprintSummary(saasDesign(), { now: NOW }));
    expect(first?.text).toBe(
      'Sales operations blueprint for Northwind Analytics: BANT framework, Pipeline Health 8.0/10',
    );
  });

  it.each([
    ['a complete design', saasDesign()],
    ['a design with assumptions', assumedDesign()],
  ])('gives back the whole text blueprint exactly from its code blocks, for %s', (_, design) => {
    const [, ...thread] = renderBlueprintMessages(design, { now: NOW });
    expect(codeChunks(thread).join('')).toBe(renderBlueprint(design, { now: NOW }));
  });

  it('puts each blueprint section in its own code block and names them in the fallback text', () => {
    const text = renderBlueprint(assumedDesign(), { now: NOW });
    const sections = splitBlueprintSections(text);
    const [, ...thread] = renderBlueprintMessages(assumedDesign(), { now: NOW });
    expect(codeChunks(thread)).toEqual(sections.map((s) => s.body));
    expect(thread[0]?.text).toMatch(
      /^Blueprint for Northwind Analytics, part 1 of \d+: SALES OPERATIONS BLUEPRINT/,
    );
  });

  it('escapes &, < and > inside the code blocks', () => {
    const design = saasDesign();
    design.business = 'R&D <Labs>';
    const [, ...thread] = renderBlueprintMessages(design, { now: NOW });
    expect(JSON.stringify(thread)).toContain('Business: R&amp;D &lt;Labs&gt;');
    expect(JSON.stringify(thread)).not.toContain('R&D');
  });

  it('never produces a payload Slack would reject, and always gives the text back, whatever the design holds', () => {
    const odd = fc.oneof(
      fc.constantFrom('x'.repeat(500), '<&>'.repeat(40), '👨‍👩‍👧‍👦 漢字テキスト', '```', '*_~'),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
    );
    fc.assert(
      fc.property(anyDesign, odd, fc.array(odd, { maxLength: 12 }), (design, business, names) => {
        design.business = business;
        design.leadSources = names.map((name) => ({ name, volumePerMonth: 1, quality: 'High', cac: 1 }));
        const messages = renderBlueprintMessages(design, { now: NOW });
        expectWithinLimits(messages);
        const chunks = codeChunks(messages.slice(1));
        expect(chunks.join('')).toBe(renderBlueprint(design, { now: NOW }));
        expectWholeLines(chunks);
      }),
      { numRuns: 60 },
    );
  });
});

describe('blueprintCodeMessages', () => {
  it('splits a section too long for one block at line boundaries, counting the escaping', () => {
    const body = lines(300, '<&> a line that grows five times its length once escaped <&>');
    const chunks = chunkSection(body);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(body);
    expectWholeLines(chunks);
    const messages = blueprintCodeMessages([{ title: 'LONG', body }], 'Acme');
    for (const block of messages.flatMap((m) => m.blocks))
      expect((block as SectionBlock).text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(codeChunks(messages).join('')).toBe(body);
  });

  it('starts a new message in the thread before the text budget runs out', () => {
    const sections = Array.from({ length: 8 }, (_, i) => ({
      title: `S${i}`,
      body: lines(40, 'x'.repeat(60)),
    }));
    const messages = blueprintCodeMessages(sections, 'Acme');
    expectWithinLimits(messages);
    // Each section is ~2,600 characters, so four fit in the 11,000 budget and the fifth starts a new message.
    expect(messages.map((m) => m.text)).toEqual([
      'Blueprint for Acme, part 1 of 2: S0, S1, S2, S3',
      'Blueprint for Acme, part 2 of 2: S4, S5, S6, S7',
    ]);
    expect(codeChunks(messages).join('')).toBe(sections.map((s) => s.body).join(''));
  });

  it('starts a new message at 50 blocks', () => {
    const sections = Array.from({ length: 120 }, (_, i) => ({ title: `S${i}`, body: `line ${i}\n` }));
    const messages = blueprintCodeMessages(sections, 'Acme');
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 20]);
    expectWithinLimits(messages);
  });

  it('cuts a single line longer than a block between graphemes as a last resort, losing nothing', () => {
    const body = `short\n${'👍🏽<'.repeat(1000)}\nafter\n`;
    const messages = blueprintCodeMessages([{ title: 'T', body }], 'Acme');
    expectWithinLimits(messages);
    expect(codeChunks(messages).join('')).toBe(body);
    expect(codeChunks(messages)[0]).toBe('short\n');
  });

  it('posts nothing in the thread for an empty blueprint', () => {
    expect(blueprintCodeMessages([], 'Acme')).toEqual([]);
  });
});
