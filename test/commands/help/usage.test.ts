import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { comingSoon } from '../../../src/commands/help/coming-soon.js';
import { QUICK_ACTION_IDS, USAGE_LINES, usageMessage } from '../../../src/commands/help/command.js';
import { suggestionMessage } from '../../../src/commands/help/suggest.js';
import { SUBCOMMANDS } from '../../../src/commands/router.js';
import type { CommandDeps, CommandRequest, ReplyMessage } from '../../../src/commands/types.js';

const blocksOf = (m: ReplyMessage): KnownBlock[] => m.blocks ?? [];

describe('usage message', () => {
  const message = usageMessage();

  it('opens with a header', () => {
    expect(blocksOf(message)[0]?.type).toBe('header');
  });

  it('has one line for every subcommand', () => {
    for (const name of SUBCOMMANDS) expect(USAGE_LINES.map((l) => l.name)).toContain(name);
    const list = blocksOf(message).find((b) => b.type === 'section');
    const text = list && 'text' in list ? (list.text?.text ?? '') : '';
    expect(text.split('\n')).toHaveLength(USAGE_LINES.length);
    expect(text).toContain('`/sales-ops qualify Acme`');
  });

  it('ends with buttons for the common actions', () => {
    const actions = blocksOf(message).at(-1);
    expect(actions?.type).toBe('actions');
    const labels =
      actions?.type === 'actions' ? actions.elements.map((e) => ('text' in e ? e.text?.text : '')) : [];
    expect(labels).toEqual(['Design a blueprint', 'Qualify a lead', 'Pipeline', 'CRM spec']);
    const ids =
      actions?.type === 'actions' ? actions.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [];
    expect(ids).toEqual(Object.values(QUICK_ACTION_IDS));
  });

  it('has a plain-text fallback for notifications', () => {
    expect(message.text).toBe(
      'Usage: /sales-ops [business] | pipeline | crm | qualify | sequence | digest | import | icp | abtest | ooo | alerts | quota | help',
    );
  });
});

describe('replies that are not results', () => {
  it('says a feature is not built yet, shows nothing made up, and names what works today', async () => {
    const replies: ReplyMessage[] = [];
    const request = { reply: async (m: ReplyMessage) => void replies.push(m) } as unknown as CommandRequest;
    await comingSoon('Pipeline design', 'pipeline')(request, {} as CommandDeps);
    expect(replies[0]?.text).toContain('*Pipeline design* (`/sales-ops pipeline`) is not available yet');
    expect(replies[0]?.text).toContain('nothing was calculated');
    expect(replies[0]?.text).toContain('What works today: `/sales-ops YourCompany`');
  });

  it('suggests the closest command and how to mean a business instead', () => {
    const { text } = suggestionMessage({
      name: 'suggest',
      word: 'qualfy',
      suggestion: 'qualify',
      args: 'Acme',
    });
    expect(text).toContain('Did you mean `/sales-ops qualify Acme`?');
    expect(text).toContain('`/sales-ops design qualfy Acme`');
  });
});
