import { Redis } from 'ioredis';
import { afterEach, expect, it, vi } from 'vitest';
import { logQueueErrors } from '../../src/jobs/queue-errors.js';
import { createQueues, queuePrefix } from '../../src/jobs/queues.js';
import { createLogger } from '../../src/logger.js';

const opened: Redis[] = [];
afterEach(() => {
  for (const r of opened.splice(0)) r.disconnect();
  vi.restoreAllMocks();
});

it('logs a queue error as one JSON line, and nothing outside the log, while Redis is away', async () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  // Nothing listens on port 1: every connection attempt fails.
  const connection = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  opened.push(connection);
  const queues = createQueues(connection, queuePrefix('so-test-down'));
  logQueueErrors(queues, logger);
  queues.reminders.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:1'));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ msg: 'queue error' });
  }
  expect(lines.join('')).toContain('"queue":"reminders"');
  expect(printed).not.toHaveBeenCalled();
});
