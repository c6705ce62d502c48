/** The blueprint renderers (text, JSON, markdown), the section splitter and the text layout primitives. */

export {
  formatCount,
  formatMoney,
  formatMoneyRange,
  formatMoneyShort,
  formatPercent,
} from '../format.js';
export { formatHealth, formatTime, SECTION_TITLES } from './labels.js';
export { bar } from './layout/bar.js';
export {
  boxContentWidth,
  bullet,
  DEFAULT_BOX_WIDTH,
  field,
  MIN_BOX_WIDTH,
  paragraph,
  renderBox,
} from './layout/box.js';
export { orDash, trendArrow } from './layout/format.js';
export { sanitize, sanitizeLines, stripControls } from './layout/sanitize.js';
export { renderTable, type Table, tableCell } from './layout/table.js';
export { displayWidth, graphemes, padEnd, padStart } from './layout/width.js';
export { wrap, wrapHanging, wrapLabeled } from './layout/wrap.js';
export { renderBlueprintMarkdown } from './markdown/render-markdown.js';
export { ASSUMED_MARK } from './marks.js';
export { renderBlueprintJson } from './render-json.js';
export { type BlueprintSection, splitBlueprintSections } from './split-sections.js';
export { type RenderOptions, renderBlueprint } from './text/render-text.js';
