import type { StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS } from '../../../src/engines/types.js';
import { buildFrameworkStep, parseFrameworkStep } from '../../../src/views/intake/framework-step.js';
import { BLOCK_IDS } from '../../../src/views/intake/index.js';
import { ctx } from './drafts.js';
import { initialOf, inputsOf, stateOf } from './state.js';

describe('framework step', () => {
  it('selects Recommended when the draft has no framework, and the draft framework otherwise', () => {
    expect(initialOf(buildFrameworkStep({}, ctx(5)), 'framework')).toBe('auto');
    expect(initialOf(buildFrameworkStep({ framework: 'meddpicc' }, ctx(5)), 'framework')).toBe('meddpicc');
  });

  it('offers auto and every framework, each with a one-line description', () => {
    const [input] = inputsOf(buildFrameworkStep({}, ctx(5)));
    if (input?.element.type !== 'static_select') throw new Error('expected a select');
    const options = (input.element as StaticSelect).options ?? [];
    expect(options.map((o) => o.value)).toEqual(['auto', ...FRAMEWORK_IDS]);
    for (const option of options) expect(option.description?.text.length).toBeGreaterThan(10);
  });

  it('is the last step: it builds the blueprint instead of going next', () => {
    const view = buildFrameworkStep({}, ctx(5));
    expect(view.title.text).toBe('Sales design · 5/5');
    expect(view.submit?.text).toBe('Build blueprint');
  });

  it('parses a choice and refuses a value that is not offered', () => {
    expect(parseFrameworkStep(stateOf({ framework: 'spin' }))).toEqual({
      ok: true,
      data: { framework: 'spin' },
    });
    expect(parseFrameworkStep(stateOf({ framework: 'spiced' }))).toEqual({
      ok: false,
      errors: { [BLOCK_IDS.framework]: 'Choose a framework from the list, or Recommended' },
    });
    expect(parseFrameworkStep(stateOf({}))).toEqual({
      ok: false,
      errors: { [BLOCK_IDS.framework]: 'Choose a framework, or keep Recommended' },
    });
  });
});
