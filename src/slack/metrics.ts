/**
 * Counters and histograms in Prometheus' text exposition format. The format is a few lines of text, so it is
 * written here rather than pulling in a client library for the handful of series the app keeps.
 */

type Labels = Record<string, string>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

interface Series {
  help: string;
  type: 'counter' | 'histogram';
  render(name: string): string[];
}

/** Seconds: Slack allows 3 s for an ack, so the buckets are dense below that. */
export const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/**
 * The key of a label set within one series: names in order, each with its value, between separators no
 * label holds. Every ack is observed with it, so it is plain concatenation rather than JSON of sorted entries.
 */
function keyOf(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '';
  for (const name of names) key += `${name}\u0000${labels[name]}\u0001`;
  return key;
}

/** A registry of metrics, plus the three the Slack app always keeps. */
export function createMetrics() {
  const series = new Map<string, Series>();

  function counter(name: string, help: string): Counter {
    const values = new Map<string, { labels: Labels; value: number }>();
    series.set(name, {
      help,
      type: 'counter',
      render: (n) => [...values.values()].map((v) => `${n}${labelText(v.labels)} ${v.value}`),
    });
    return {
      inc(labels = {}, by = 1) {
        const key = keyOf(labels);
        const entry = values.get(key) ?? { labels, value: 0 };
        entry.value += by;
        values.set(key, entry);
      },
    };
  }

  function histogram(name: string, help: string, buckets: number[]): Histogram {
    const values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
    series.set(name, {
      help,
      type: 'histogram',
      render: (n) =>
        [...values.values()].flatMap((v) => [
          ...buckets.map(
            (b, i) => `${n}_bucket${labelText(v.labels, ['le', String(b)])} ${v.counts[i] ?? 0}`,
          ),
          `${n}_bucket${labelText(v.labels, ['le', '+Inf'])} ${v.count}`,
          `${n}_sum${labelText(v.labels)} ${v.sum}`,
          `${n}_count${labelText(v.labels)} ${v.count}`,
        ]),
    });
    return {
      observe(value, labels = {}) {
        const key = keyOf(labels);
        const entry = values.get(key) ?? { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
        for (let i = 0; i < buckets.length; i++) {
          if (value <= (buckets[i] ?? 0)) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
        }
        entry.sum += value;
        entry.count += 1;
        values.set(key, entry);
      },
    };
  }

  return {
    counter,
    histogram,
    ackLatency: histogram(
      'sales_ops_ack_duration_seconds',
      'Time from receiving a Slack request to acknowledging it',
      ACK_BUCKETS,
    ),
    commands: counter('sales_ops_commands_total', 'Slash commands handled, by subcommand'),
    errors: counter('sales_ops_errors_total', 'Errors caught by listeners or the global error handler'),
    /** The whole registry in Prometheus text format. */
    render(): string {
      const lines: string[] = [];
      for (const [name, s] of series) {
        lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`, ...s.render(name));
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
