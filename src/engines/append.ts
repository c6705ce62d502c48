/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument, and
 * past about 100,000 of them the call overflows the stack; audits and imports can hold millions.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
