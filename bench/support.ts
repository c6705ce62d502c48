/** Helpers the benchmarks share: sizes, percentiles and one printed table per benchmark. */

/** `--quick` on the command line (npm run bench -- --quick) runs every benchmark at a smaller size. */
export const QUICK = process.argv.includes('--quick');

/** `full` normally, `quick` under --quick. */
export function sized(full: number, quick: number): number {
  return QUICK ? quick : full;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The median of `values` (nearest rank, as `percentile`). */
export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Row {
  what: string;
  measured: string;
  floor: string;
  ratio: number;
  target: string;
  /** Whether the target holds; undefined for a row shown for comparison only. */
  holds?: boolean;
}

/** Prints one benchmark's table: what, sales-ops, its floor, the ratio and whether the target holds. */
export function printTable(title: string, rows: readonly Row[]): void {
  const lines = [
    `\n### ${title}`,
    '| what | sales-ops | floor | ratio | target | holds |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.measured} | ${r.floor} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.holds === undefined ? '—' : r.holds ? 'yes' : 'NO'} |`,
    ),
  ];
  console.log(lines.join('\n'));
}

/** Milliseconds with one decimal. */
export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Bytes Redis uses right now (INFO memory used_memory). */
export async function usedMemory(info: () => Promise<string>): Promise<number> {
  const match = /used_memory:(\d+)/.exec(await info());
  return Number(match?.[1] ?? Number.NaN);
}
