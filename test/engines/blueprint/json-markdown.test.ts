import { describe, expect, it } from 'vitest';
import {
  renderBlueprint,
  renderBlueprintJson,
  renderBlueprintMarkdown,
} from '../../../src/engines/blueprint/index.js';
import { assumedDesign, NOW, saasDesign } from './fixture.js';

/** The table rows (header, separator and rows) that follow a line starting with `title`. */
function tableAfter(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  const first = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines.slice(first, end < 0 ? undefined : end);
}

describe('renderBlueprintJson', () => {
  it('is the design with the generation time first', () => {
    const json = renderBlueprintJson(saasDesign(), { now: NOW });
    expect(Object.keys(JSON.parse(json))[0]).toBe('generatedAt');
    expect(JSON.parse(json)).toEqual({ generatedAt: NOW, ...saasDesign() });
    expect(json).toContain('\n  "business": "Northwind Analytics",\n');
  });

  it('refuses a `now` that is not a timestamp', () => {
    expect(() => renderBlueprintJson(saasDesign(), { now: '24/11/2026' })).toThrow(/ISO timestamp/);
  });
});

describe('renderBlueprintMarkdown', () => {
  const design = saasDesign();
  const text = renderBlueprint(design, { now: NOW });
  const markdown = renderBlueprintMarkdown(design, { now: NOW });

  it('names the same business, model and time as the text', () => {
    expect(markdown.startsWith('# Sales Operations Blueprint: Northwind Analytics\n')).toBe(true);
    expect(markdown).toContain('- **Model:** Hybrid\n- **Time:** 2026-11-24 09:00 UTC');
  });

  it.each([
    ['lead sources', 'LEAD SOURCES', '## Lead Sources'],
    ['stages with their probabilities', 'SALES STAGES', '## Sales Stages'],
    ['CRM fields', 'CRM FIELDS', '## CRM Fields'],
    ['metrics', 'METRICS DASHBOARD', '## Metrics Dashboard'],
  ])('has the same %s table as the text', (_name, textTitle, markdownTitle) => {
    expect(tableAfter(markdown, markdownTitle)).toEqual(tableAfter(text, textTitle));
  });

  it('titles the qualification section with the same framework', () => {
    expect(text).toContain('QUALIFICATION CRITERIA (BANT)');
    expect(markdown).toContain('## Qualification Criteria (BANT)');
    expect(markdown).toContain('**Minimum Score:** 3/4 to qualify');
  });

  it('gives reps the questions to ask for every criterion', () => {
    expect(markdown).toContain(
      '#### Budget\n\n1. What budget is set aside for this?\n2. Who else has to approve the spend?',
    );
    expect(markdown).toContain('#### Timeline\n\n1. When do you need this running?');
  });

  it('says what has to be true to leave each stage, by buyer journey phase', () => {
    expect(markdown).toContain('#### Consideration\n\n- **Qualified** (25%): exit when BANT confirmed');
  });

  it('includes every cadence step with its template subject and body', () => {
    expect(markdown).toContain(
      '#### Step 1: Email @ Day 2\n\n**Subject:** Forecasts at {{company}}\n\n> Hi {{first_name}},\n>\n> Quick follow-up on forecasts.',
    );
    expect(markdown).toContain(
      '#### Step 2: Call @ Day 4\n\n> Ask about {{pain_point}}; offer a 20-minute review.',
    );
  });

  it('includes the hygiene rules, the automation rules and the reports', () => {
    expect(markdown).toContain('- **email-format**: Every contact e-mail is a valid address');
    expect(markdown).toContain(
      '| Deal idle 14 days | Stage is Proposal | Create a follow-up task for the owner |',
    );
    expect(markdown).toContain('| Pipeline by stage | Sum of open amount grouped by stage, weekly |');
  });

  it('ranks recommendations by expected impact', () => {
    const d = saasDesign();
    d.recommendations.reverse();
    const md = renderBlueprintMarkdown(d, { now: NOW });
    expect(md.indexOf('Tighten discovery')).toBeLessThan(md.indexOf('Speed up proposals'));
  });

  it('escapes pipes inside table cells', () => {
    const d = saasDesign();
    d.stages[0] = { name: 'Lead | MQL', exitCriteria: 'Contact made', probability: 10, journey: 'awareness' };
    expect(renderBlueprintMarkdown(d, { now: NOW })).toContain('| Lead \\| MQL | Contact made | 10% |');
  });

  it('lists the assumptions only when there are some', () => {
    expect(markdown).not.toContain('Assumptions');
    const assumed = renderBlueprintMarkdown(assumedDesign(), { now: NOW });
    expect(assumed).toContain(
      '## Assumptions (*)\n\n- cycle.averageDays: 60 — typical for a hybrid sales team',
    );
    expect(assumed).toContain('## Lead Sources *');
    expect(tableAfter(assumed, '## Metrics Dashboard')).toContain('| Close Rate | 25% * | 21% | → |');
  });
});
