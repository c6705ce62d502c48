#!/usr/bin/env node
// The registry mirror this project is built against lacks some other-platform optional binaries
// (Biome and msgpackr-extract builds for macOS, Windows, musl), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lock. A lock made against the public registry lists
// them as optional entries that npm skips on non-matching platforms; this adds exactly those entries.
// Run after any `npm install`: node scripts/lock-platform-entries.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const part = name.split('/').pop();
  const os = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'sunos', 'aix'].find((o) =>
    part.includes(`-${o}-`) || part.startsWith(`${o}-`),
  );
  const cpu = ['arm64', 'x64', 'arm', 'ia32', 'riscv64', 's390x', 'ppc64', 'loong64'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(part),
  );
  const libc = part.endsWith('-musl') ? ['musl'] : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === '' ? 'node_modules' : `${location}/node_modules`;
    if (packages[`${base}/${dep}`] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue;
    packages[`node_modules/${dep}`] = {
      version: String(version).replace(/^[\^~]/, ''),
      cpu: [cpu],
      license: entry.license ?? 'MIT',
      ...(libc ? { libc } : {}),
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform entries`);
