import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Deal } from '../../src/engines/deal.js';

/** The fixed clock every import test runs with. */
export const NOW = '2024-06-01T12:00:00Z';

/** A stream of a file under test/fixtures/csv/. */
export function fixture(name: string): Readable {
  return createReadStream(fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url)));
}

/** A file of the Maven sample kept in the repository under examples/maven-crm/. */
export function mavenPath(file: string): string {
  return fileURLToPath(new URL(`../../examples/maven-crm/${file}`, import.meta.url));
}

/** A sink that keeps every batch it receives. */
export function collector(): {
  sink: (batch: Deal[]) => Promise<void>;
  batches: Deal[][];
  deals: () => Deal[];
} {
  const batches: Deal[][] = [];
  return {
    sink: async (batch) => {
      batches.push(batch);
    },
    batches,
    deals: () => batches.flat(),
  };
}
