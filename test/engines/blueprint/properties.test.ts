import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  graphemes,
  renderBlueprint,
  renderBlueprintMarkdown,
  sanitize,
  splitBlueprintSections,
} from '../../../src/engines/blueprint/index.js';
import { anyDesign, shownValues } from './arbitraries.js';
import { NOW } from './fixture.js';
import { boxesOf, misshapenLines } from './helpers.js';

const widthOption = fc.oneof(fc.constant(undefined), fc.integer({ min: 30, max: 100 }));

/** Graphemes of a value that must survive rendering: everything visible once controls are removed. */
function visibleGraphemes(value: string): string[] {
  return graphemes(sanitize(value)).filter((g) => !/^\s+$/u.test(g));
}

/** The text with the escapes of table rows undone, so a value's graphemes can be looked up as they were given. */
const unescaped = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.startsWith('| ') ? line.replaceAll('\\|', '|') : line))
    .join('\n');

const RUNS = { numRuns: 100 };

describe('renderBlueprint with arbitrary values', () => {
  it('keeps every line of every box at the box width, between its borders', () => {
    fc.assert(
      fc.property(anyDesign, widthOption, (design, width) => {
        const text = renderBlueprint(design, width === undefined ? { now: NOW } : { now: NOW, width });
        const boxes = boxesOf(text);
        expect(boxes).toHaveLength(5);
        for (const box of boxes) expect(misshapenLines(box, width ?? 39)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('loses no visible character of any value', () => {
    fc.assert(
      fc.property(anyDesign, (design) => {
        const text = unescaped(renderBlueprint(design, { now: NOW }));
        const missing = shownValues(design)
          .flatMap(visibleGraphemes)
          .filter((g) => !text.includes(g));
        expect(missing).toEqual([]);
        const name = sanitize(design.qualification.frameworkName).toUpperCase();
        expect(text).toContain(name);
      }),
      RUNS,
    );
  });

  it('lets no value add a line break, an escape or a section of its own', () => {
    fc.assert(
      fc.property(anyDesign, (design) => {
        const text = renderBlueprint(design, { now: NOW });
        expect(text.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
        const titles = splitBlueprintSections(text).map((s) => s.title);
        expect(titles.slice(0, 4)).toEqual([
          'SALES OPERATIONS BLUEPRINT',
          'SALES OPS OVERVIEW',
          'IDEAL CUSTOMER PROFILE',
          'LEAD SOURCES',
        ]);
        expect(titles.slice(5)).toEqual([
          'SALES STAGES',
          'PIPELINE FUNNEL',
          'CRM FIELDS',
          'FOLLOW-UP AUTOMATION',
          'METRICS DASHBOARD',
          'Sales Ops Status',
          ...(design.assumptions.length > 0 ? ['ASSUMPTIONS (*)'] : []),
        ]);
      }),
      RUNS,
    );
  });

  it('round-trips through splitBlueprintSections', () => {
    fc.assert(
      fc.property(anyDesign, (design) => {
        const text = renderBlueprint(design, { now: NOW });
        expect(
          splitBlueprintSections(text)
            .map((s) => s.body)
            .join(''),
        ).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('renderBlueprintMarkdown with arbitrary values', () => {
  it('loses no visible character of any value, templates and questions included', () => {
    fc.assert(
      fc.property(anyDesign, (design) => {
        const markdown = unescaped(renderBlueprintMarkdown(design, { now: NOW }));
        const values = [
          ...shownValues(design),
          design.qualification.frameworkName,
          ...design.qualification.criteria.flatMap((c) => c.questions),
          ...design.followUp.steps.flatMap((s) => [s.template.subject ?? '', s.template.body]),
        ];
        expect(values.flatMap(visibleGraphemes).filter((g) => !markdown.includes(g))).toEqual([]);
      }),
      RUNS,
    );
  });
});
