import { describe, expect, it } from 'vitest';
import { type IcpCardModel, renderIcpCard } from '../../src/blocks/icp-card.js';
import { blockTextLength, checkMessage, MAX_MESSAGE_BLOCK_TEXT } from '../../src/blocks/limits.js';
import { MAX_ITEM_LENGTH, MAX_ITEMS, SECTION_IDS, SECTIONS } from '../../src/engines/icp/sections.js';

function model(itemsPerList: number, suggestions = 0): IcpCardModel {
  return {
    business: 'Acme',
    slug: 'acme',
    version: 2,
    createdBy: 'U0ANA',
    finalized: { version: 1, by: 'U0CLEO', at: '2026-11-30T10:00:00.000Z' },
    sections: SECTION_IDS.map((id) => ({
      id,
      title: SECTIONS[id].title,
      lines: Array.from(
        { length: id === 'companySize' || id === 'annualRevenue' ? 1 : itemsPerList },
        (_, i) => `${id} item ${i} `.padEnd(MAX_ITEM_LENGTH, 'x'),
      ),
      contributors: ['U0ANA', 'U0BEN'],
      updatedAt: '2026-12-01T09:30:00.000Z',
      updatedBy: 'U0BEN',
    })),
    suggestions: Array.from({ length: suggestions }, (_, i) => ({
      id: String(i + 1),
      sectionTitle: 'Pain points',
      text: `add "pain ${i}"`,
      by: 'U0BEN',
    })),
  };
}

describe('the ICP card', () => {
  it('shows every section with its value, contributors and last change, and Edit, menu and Finalize', () => {
    const card = renderIcpCard(model(3, 2));
    expect(card.overflow).toBeUndefined();
    expect(checkMessage({ text: card.text, blocks: card.blocks })).toEqual({ ok: true });
    const text = JSON.stringify(card.blocks);
    for (const id of SECTION_IDS) expect(text).toContain(`*${SECTIONS[id].title}*`);
    expect(text).toContain('by <@U0ANA>, <@U0BEN>');
    expect(text).toContain('last change <!date^');
    expect(text).toContain('Version 1 final (by <@U0CLEO>');
    expect(text).toContain('Open suggestions (2)');
    expect(text).toContain('Finalize version 2');
  });

  it('moves the full lists of a very long card into the thread instead of failing', () => {
    const card = renderIcpCard(model(MAX_ITEMS, 40));
    expect(checkMessage({ text: card.text, blocks: card.blocks })).toEqual({ ok: true });
    expect(blockTextLength(card.blocks)).toBeLessThanOrEqual(MAX_MESSAGE_BLOCK_TEXT);
    expect(JSON.stringify(card.blocks)).toContain('and 16 more, listed in the thread');
    expect(JSON.stringify(card.blocks)).toContain('and 35 more; accept or dismiss these first');
    for (const id of ['industries', 'personas']) expect(card.overflow).toContain(`${id} item 19`);
    expect(card.overflow?.length).toBeLessThan(40_000);
  });

  it('escapes what people typed, so an item cannot mention or link anyone', () => {
    const m = model(1);
    m.sections[0] = {
      ...(m.sections[0] as IcpCardModel['sections'][number]),
      lines: ['<!channel> & <https://x.io|x>'],
    };
    expect(JSON.stringify(renderIcpCard(m).blocks)).toContain(
      '&lt;!channel&gt; &amp; &lt;https://x.io|x&gt;',
    );
  });
});
