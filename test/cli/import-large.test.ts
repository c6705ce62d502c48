import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { collect } from '../support/cli.js';
import { mavenFile } from '../support/maven-rows.js';

describe('sales-ops import of a large export', () => {
  it('audits 150,000 Maven-shaped rows without overflowing the stack', async () => {
    const file = mavenFile(150_000);
    const io = collect();
    const status = await main(['import', file, '--dry-run', '--now', '2026-11-30T09:00:00Z'], io);
    expect(io.err).not.toContain('call stack');
    expect(status).toBe(0);
    expect(io.out).toContain('150,000');
    expect(io.out).toMatch(/stale/i);
  }, 120_000);
});
