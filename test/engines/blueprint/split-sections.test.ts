import { describe, expect, it } from 'vitest';
import { renderBlueprint, splitBlueprintSections } from '../../../src/engines/blueprint/index.js';
import { assumedDesign, NOW, saasDesign } from './fixture.js';

describe('splitBlueprintSections', () => {
  const text = renderBlueprint(saasDesign(), { now: NOW });

  it('puts the header block first, then one section per title, and the status line last', () => {
    expect(splitBlueprintSections(text).map((s) => s.title)).toEqual([
      'SALES OPERATIONS BLUEPRINT',
      'SALES OPS OVERVIEW',
      'IDEAL CUSTOMER PROFILE',
      'LEAD SOURCES',
      'QUALIFICATION CRITERIA (BANT)',
      'SALES STAGES',
      'PIPELINE FUNNEL',
      'CRM FIELDS',
      'FOLLOW-UP AUTOMATION',
      'METRICS DASHBOARD',
      'Sales Ops Status',
    ]);
  });

  it('gives back the text exactly when the bodies are joined', () => {
    expect(
      splitBlueprintSections(text)
        .map((s) => s.body)
        .join(''),
    ).toBe(text);
  });

  it('starts each body with its title and keeps each box whole', () => {
    const sections = splitBlueprintSections(text);
    const overview = sections[1]?.body ?? '';
    expect(overview.startsWith('SALES OPS OVERVIEW\n────')).toBe(true);
    expect(overview.trimEnd().endsWith('┘')).toBe(true);
    expect(sections[0]?.body.trimEnd().endsWith('═'.repeat(39))).toBe(true);
  });

  it('names sections without the assumed mark and adds the assumptions section', () => {
    const sections = splitBlueprintSections(renderBlueprint(assumedDesign(), { now: NOW }));
    expect(sections.map((s) => s.title)).toContain('LEAD SOURCES');
    expect(sections.at(-1)?.title).toBe('ASSUMPTIONS (*)');
    expect(sections.at(-1)?.body.startsWith('ASSUMPTIONS (*)\n')).toBe(true);
  });

  it('returns nothing for empty text', () => {
    expect(splitBlueprintSections('')).toEqual([]);
  });
});
