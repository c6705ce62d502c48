import type { Design } from '../design.js';
import { formatCount, formatMoney, formatPercent } from '../format.js';
import { trendArrow } from './layout/format.js';
import type { Table } from './layout/table.js';
import { isAssumed, mark, metricTargetPaths } from './marks.js';

const NONE = '—';

/** LEAD SOURCES: `| Source | Volume | Quality | CAC |`. */
export function leadSourcesTable(design: Design): Table {
  return {
    headers: ['Source', 'Volume', 'Quality', 'CAC'],
    rows: design.leadSources.map((s) => [
      s.name,
      `${formatCount(s.volumePerMonth)}/mo`,
      s.quality,
      formatMoney(s.cac),
    ]),
  };
}

/**
 * SALES STAGES: `| Stage | Exit Criteria | Probability |`, plus Observed when any stage has history;
 * probabilities that are typical defaults rather than the team's evidence carry the assumed mark.
 */
export function stagesTable(design: Design): Table {
  const observed = design.stages.some((s) => s.observedProbability !== undefined);
  const assumed = design.probabilityBasis?.source === 'default';
  return {
    headers: ['Stage', 'Exit Criteria', 'Probability', ...(observed ? ['Observed'] : [])],
    rows: design.stages.map((s) => {
      const open = s.probability > 0 && s.probability < 100;
      const row = [s.name, s.exitCriteria, mark(formatPercent(s.probability), assumed && open)];
      if (observed) {
        row.push(s.observedProbability === undefined ? NONE : formatPercent(s.observedProbability));
      }
      return row;
    }),
  };
}

/** CRM FIELDS: `| Category | Fields | Required |` with the field names of each object. */
export function crmTable(design: Design): Table {
  return {
    headers: ['Category', 'Fields', 'Required'],
    rows: design.crm.objects.map((o) => [o.category, o.fields.map((f) => f.name).join(', '), o.required]),
  };
}

/** A metric value: a percentage or money, by the metric's unit. */
export function formatMetric(value: number, unit: Design['metrics'][number]['unit']): string {
  return unit === 'currency' ? formatMoney(value) : formatPercent(value);
}

/** METRICS DASHBOARD: `| Metric | Target | Current | Trend |`; an unknown current value shows `—`. */
export function metricsTable(design: Design): Table {
  return {
    headers: ['Metric', 'Target', 'Current', 'Trend'],
    rows: design.metrics.map((m) => [
      m.name,
      mark(formatMetric(m.target, m.unit), isAssumed(design.assumptions, metricTargetPaths(m.name))),
      m.current === undefined ? NONE : formatMetric(m.current, m.unit),
      m.trend === undefined ? NONE : trendArrow(m.trend),
    ]),
  };
}
