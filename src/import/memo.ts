/**
 * `read` with its answers kept for the last values asked, up to `limit` of them (then the memory is cleared).
 * Exports repeat the same few dates and product names on every row, and reading them afresh is what costs.
 * Hand-written: a few lines, where an LRU library would add a dependency for no gain at this size.
 */
export function memoised<T>(read: (value: string) => T, limit: number): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    // One lookup on a hit; `has` only when the answer itself may be undefined.
    const kept = known.get(value);
    if (kept !== undefined || known.has(value)) return kept as T;
    const answer = read(value);
    if (known.size >= limit) known.clear();
    known.set(value, answer);
    return answer;
  };
}
