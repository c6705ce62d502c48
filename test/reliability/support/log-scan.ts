import { expect } from 'vitest';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const TOKEN = /xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/;

/** Fails when any line holds a Slack token, an e-mail address or one of the given secret values. */
export function expectNoSecrets(lines: readonly string[], secrets: readonly string[]): void {
  const leaks = lines.filter(
    (line) => TOKEN.test(line) || EMAIL.test(line) || secrets.some((s) => line.includes(s)),
  );
  expect(leaks.slice(0, 5)).toEqual([]);
}
