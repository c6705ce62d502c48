import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { QUICK_ACTION_IDS } from '../../src/commands/help/command.js';
import { buildHomeView } from '../../src/slack/home.js';

function texts(blocks: KnownBlock[]): string {
  return blocks
    .map((b) => ('text' in b && b.text ? (typeof b.text === 'string' ? b.text : b.text.text) : ''))
    .join('\n');
}

function actionIds(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [],
  );
}

describe('Home tab', () => {
  it('invites a workspace without a profile to run /sales-ops YourCompany', () => {
    const view = buildHomeView({});
    expect(texts(view.blocks)).toContain('No business profile yet');
    expect(texts(view.blocks)).toContain('/sales-ops YourCompany');
    expect(texts(view.blocks)).toContain('Last blueprint:* none yet');
  });

  it('shows the saved profile and who saved it, escaping what people typed', () => {
    const view = buildHomeView({
      profile: {
        intake: { business: 'Smith & <Sons>', model: 'field', framework: 'meddic' },
        updatedAt: '2026-11-24T10:00:00.000Z',
        updatedBy: 'U123',
      },
    });
    const text = texts(view.blocks);
    expect(text).toContain('Business profile: Smith &amp; &lt;Sons&gt;');
    expect(text).toContain('Field sales · MEDDIC');
    expect(text).toContain('<@U123>');
    expect(text).toContain('<!date^1795514400^{date_short}|2026-11-24>');
  });

  it('summarises the last blueprint with its health and channel', () => {
    const view = buildHomeView({
      blueprint: {
        business: 'Acme',
        framework: 'bant',
        health: 7.5,
        generatedAt: '2026-11-20T09:00:00.000Z',
        generatedBy: 'U1',
        channel: 'C42',
        ts: '1.2',
      },
    });
    expect(texts(view.blocks)).toContain('BANT · Pipeline Health 7.5/10');
    expect(texts(view.blocks)).toContain('<#C42>');
  });

  it('offers the quick actions', () => {
    expect(actionIds(buildHomeView({}).blocks)).toEqual(Object.values(QUICK_ACTION_IDS));
  });
});
