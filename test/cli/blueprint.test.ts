import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

function intakeFile(text: string, name = 'intake.yml'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sales-ops-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: name };
}

const NOW = ['--now', '2026-11-24T09:00:00Z'];

describe('sales-ops blueprint', () => {
  it('prints the eleven sections of the blueprint for the example intake', async () => {
    const { code, stdout, stderr } = await cli(['blueprint', 'examples/acme.yml', ...NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const titles = stdout.split('\n').filter((line) => /^[A-Z][A-Z -]+( \([A-Z]+\))?$/.test(line));
    expect(titles).toEqual([
      'SALES OPERATIONS BLUEPRINT',
      'SALES OPS OVERVIEW',
      'IDEAL CUSTOMER PROFILE',
      'LEAD SOURCES',
      'QUALIFICATION CRITERIA (SPIN)',
      'SALES STAGES',
      'PIPELINE FUNNEL',
      'CRM FIELDS',
      'FOLLOW-UP AUTOMATION',
      'METRICS DASHBOARD',
    ]);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Sales Ops Status: ● Needs attention');
  });

  it('gives JSON a program can read and a markdown playbook', async () => {
    const json = await cli(['blueprint', 'examples/acme.yml', '--format', 'json', ...NOW]);
    expect(JSON.parse(json.stdout).generatedAt).toBe('2026-11-24T09:00:00.000Z');
    const markdown = await cli(['blueprint', 'examples/acme.yml', '--format', 'markdown', ...NOW]);
    expect(markdown.stdout).toMatch(/^# /m);
    expect(markdown.stdout).toContain('Close the loop?');
  });

  it('marks every default of the minimal intake as an assumption', async () => {
    const { code, stdout } = await cli(['blueprint', 'examples/minimal.yml', ...NOW]);
    expect(code).toBe(0);
    expect(stdout).toContain('ASSUMPTIONS (*)');
    expect(stdout).toContain('deal.averageSize: $8,000');
  });

  it.each([
    [['blueprint'], 'error: FILE: is required: sales-ops blueprint examples/acme.yml'],
    [
      ['blueprint', 'missing.yml'],
      'error: missing.yml: no such file; pass the path of a YAML or JSON intake file',
    ],
    [
      ['blueprint', 'examples/acme.yml', '--format', 'pdf'],
      'error: --format: must be one of text, json, markdown',
    ],
    [
      ['blueprint', 'examples/acme.yml', '--now', 'yesterday'],
      'error: --now: must be an ISO timestamp such as 2026-11-24T09:00:00Z',
    ],
    [
      ['blueprint', 'examples/acme.yml', '--colour'],
      'error: --colour: is not an option of blueprint; see --help',
    ],
  ])('refuses %j with status 2 and says how to fix it', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(message);
  });

  it('names the line of a YAML syntax error', async () => {
    const { dir, file } = intakeFile('business: [\nmodel: inside\n');
    const { code, stderr } = await cli(['blueprint', file], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: intake\.yml:2:1: .*fix the YAML\/JSON syntax there\)$/m);
  });

  it('lists one line per bad field, with the field path, and no stack trace', async () => {
    const { dir, file } = intakeFile(
      JSON.stringify({
        model: 'online',
        conversion: { current: 130 },
        leadSources: [{ name: 'Web', volumePerMonth: -1, quality: 'high', cac: 2 }],
      }),
      'intake.json',
    );
    const { code, stderr } = await cli(['blueprint', file], dir);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'error: business: is required',
      'error: model: must be one of inside, field, hybrid',
      'error: conversion.current: must be at most 100 (a percentage, such as 25)',
      'error: leadSources[0].volumePerMonth: must be 0 or more',
    ]);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses an unknown command with status 2 and the usage', async () => {
    const { code, stderr } = await cli(['bluprint']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "bluprint"');
  });
});
