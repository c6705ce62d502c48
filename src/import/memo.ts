/**
 * `read` with its answers kept for the last values asked, up to `limit` of them (then the memory is cleared).
 * Exports repeat the same few dates and product names on every row, and reading them afresh is what costs.
 * Hand-written: a few lines, where an LRU library would add a dependency for no gain at this size.
 */
export function memoised<T>(read: (value: string) => T, limit: number): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    if (known.has(value)) return known.get(value) as T;
    const answer = read(value);
    if (known.size >= limit) known.clear();
    known.set(value, answer);
    return answer;
  };
}
