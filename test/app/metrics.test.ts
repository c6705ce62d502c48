import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/slack/metrics.js';

describe('metrics', () => {
  it('renders counters by label in Prometheus text format', () => {
    const metrics = createMetrics();
    metrics.commands.inc({ name: 'help' });
    metrics.commands.inc({ name: 'help' });
    metrics.commands.inc({ name: 'design' });
    const text = metrics.render();
    expect(text).toContain('# TYPE sales_ops_commands_total counter');
    expect(text).toContain('sales_ops_commands_total{name="help"} 2');
    expect(text).toContain('sales_ops_commands_total{name="design"} 1');
  });

  it('renders the ack latency histogram with cumulative buckets, sum and count', () => {
    const metrics = createMetrics();
    metrics.ackLatency.observe(0.02, { kind: 'command' });
    metrics.ackLatency.observe(0.4, { kind: 'command' });
    const text = metrics.render();
    expect(text).toContain('sales_ops_ack_duration_seconds_bucket{kind="command",le="0.01"} 0');
    expect(text).toContain('sales_ops_ack_duration_seconds_bucket{kind="command",le="0.025"} 1');
    expect(text).toContain('sales_ops_ack_duration_seconds_bucket{kind="command",le="0.5"} 2');
    expect(text).toContain('sales_ops_ack_duration_seconds_bucket{kind="command",le="+Inf"} 2');
    expect(text).toContain('sales_ops_ack_duration_seconds_count{kind="command"} 2');
    expect(text).toMatch(/sales_ops_ack_duration_seconds_sum\{kind="command"\} 0\.42/);
  });

  it('escapes quotes and backslashes in label values', () => {
    const metrics = createMetrics();
    metrics.errors.inc({ source: 'a"b\\c' });
    expect(metrics.render()).toContain('sales_ops_errors_total{source="a\\"b\\\\c"} 1');
  });

  it('counts one series for the same labels in any order, and keeps label sets that differ apart', () => {
    const metrics = createMetrics();
    const calls = metrics.counter('sales_ops_test_calls_total', 'Calls, by method and status');
    calls.inc({ method: 'chat.postMessage', status: 'ok' });
    calls.inc({ status: 'ok', method: 'chat.postMessage' });
    calls.inc({ method: 'chat.postMessage ok', status: '' });
    calls.inc({ method: 'chat.postMessage' });
    const text = metrics.render();
    expect(text).toContain('sales_ops_test_calls_total{method="chat.postMessage",status="ok"} 2');
    expect(text).toContain('sales_ops_test_calls_total{method="chat.postMessage ok",status=""} 1');
    expect(text).toContain('sales_ops_test_calls_total{method="chat.postMessage"} 1');
  });
});
