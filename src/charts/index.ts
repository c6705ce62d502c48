/** Charts for Slack messages: pure SVG builders and the PNG renderer. */

export { CHART_WIDTH, chartHeight, type FunnelChartRow, funnelChartSvg } from './funnel-chart.js';
export { CHART_FONTS, renderPng } from './png.js';
export { clip, xmlText } from './svg.js';
