import type { Design } from '../../design.js';
import { formatTime, SECTION_TITLES } from '../labels.js';
import { boxContentWidth, DEFAULT_BOX_WIDTH, MIN_BOX_WIDTH, renderBox } from '../layout/box.js';
import { sanitize } from '../layout/sanitize.js';
import { renderTable } from '../layout/table.js';
import { ASSUMPTION_PATHS, isAssumed, mark } from '../marks.js';
import { crmTable, leadSourcesTable, metricsTable, stagesTable } from '../tables.js';
import { followUpLines, icpLines, overviewLines, qualificationLines } from './boxes.js';
import { funnelLines } from './funnel.js';
import { headerLines, sectionHeading } from './header.js';

/** What every renderer needs besides the design: the timestamp to print, and for text the box width. */
export interface RenderOptions {
  /** ISO timestamp shown as the blueprint's time (the renderers never read the clock). */
  now: string;
  /** Outer width of every box in columns; 39 like the seed, at least 30. */
  width?: number;
}

/** The box width to use: the seed's 39 unless a usable width is given, never below the minimum. */
export function boxWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_BOX_WIDTH;
  return Math.max(MIN_BOX_WIDTH, Math.floor(width));
}

/** The qualification title with the framework's name, e.g. `QUALIFICATION CRITERIA (BANT)`. */
export function qualificationTitle(design: Design): string {
  const name = sanitize(design.qualification.frameworkName).toUpperCase();
  return name === '' ? SECTION_TITLES.qualification : `${SECTION_TITLES.qualification} (${name})`;
}

/** One `- path: value — reason` line per assumption. */
export function assumptionLines(design: Design): string[] {
  return design.assumptions.map((a) => `- ${sanitize(a.path)}: ${sanitize(a.value)} — ${sanitize(a.reason)}`);
}

/** The sentence under the stages table saying where the probabilities come from. */
export function probabilityBasisLines(design: Design): string[] {
  const basis = design.probabilityBasis;
  return basis === undefined ? [] : ['', `Probabilities: ${sanitize(basis.text)}`];
}

/** Renders the design as the seed's SALES OPERATIONS BLUEPRINT text, ending with a newline. */
export function renderBlueprint(design: Design, options: RenderOptions): string {
  const width = boxWidth(options.width);
  const content = boxContentWidth(width);
  const assumed = (paths: readonly string[]): boolean => isAssumed(design.assumptions, paths);
  const heading = (title: string, paths: readonly string[] = []): string[] =>
    sectionHeading(mark(title, assumed(paths)), width);
  const boxed = (lines: string[]): string[] => renderBox(lines, width);

  const sections: string[][] = [
    headerLines(design, formatTime(options.now), width),
    [...heading(SECTION_TITLES.overview), ...boxed(overviewLines(design, content))],
    [...heading(SECTION_TITLES.icp), ...boxed(icpLines(design, content))],
    [
      ...heading(SECTION_TITLES.leadSources, ASSUMPTION_PATHS.leadSources),
      ...renderTable(leadSourcesTable(design)),
    ],
    [
      ...heading(qualificationTitle(design), ASSUMPTION_PATHS.qualification),
      ...boxed(qualificationLines(design, content)),
    ],
    [
      ...heading(SECTION_TITLES.stages, ASSUMPTION_PATHS.stages),
      ...renderTable(stagesTable(design)),
      ...probabilityBasisLines(design),
    ],
    [
      ...heading(SECTION_TITLES.funnel, ASSUMPTION_PATHS.funnel),
      ...boxed(funnelLines(design.funnel, content)),
    ],
    [...heading(SECTION_TITLES.crm, ASSUMPTION_PATHS.crm), ...renderTable(crmTable(design))],
    [
      ...heading(SECTION_TITLES.followUp, ASSUMPTION_PATHS.followUp),
      ...boxed(followUpLines(design, content)),
    ],
    [...heading(SECTION_TITLES.metrics), ...renderTable(metricsTable(design))],
    [`${SECTION_TITLES.status}: ● ${design.overview.status}`],
  ];
  if (design.assumptions.length > 0) {
    sections.push([...heading(SECTION_TITLES.assumptions), ...assumptionLines(design)]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
