import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  renderBlueprint,
  renderBlueprintJson,
  renderBlueprintMarkdown,
} from '../../src/engines/blueprint/index.js';
import { buildDesign } from '../../src/engines/build-design.js';
import { resolveIntake } from '../../src/engines/intake.js';

const NOW = '2026-11-24T09:00:00.000Z';
const design = () => buildDesign(resolveIntake(parse(readFileSync('examples/acme.yml', 'utf8'))));

/** Contrasting businesses: consultative mid-market (two), product-led, complex enterprise, transactional SMB. */
const GOLDEN = ['acme', 'plg-saas', 'enterprise-manufacturer', 'smb-salon', 'midmarket-logistics'];
const designOf = (name: string) =>
  buildDesign(resolveIntake(parse(readFileSync(`examples/${name}.yml`, 'utf8'))));

describe.each(GOLDEN)('the blueprint of examples/%s.yml', (name) => {
  // To accept an intended change, for text and markdown:
  // npx sales-ops blueprint examples/NAME.yml --now 2026-11-24T09:00:00Z [--format markdown] > test/golden/NAME.txt (.md)
  it('matches the reviewed golden text line for line', () => {
    expect(renderBlueprint(designOf(name), { now: NOW })).toBe(
      readFileSync(`test/golden/${name}.txt`, 'utf8'),
    );
  });

  it('matches the reviewed golden markdown playbook line for line', () => {
    expect(renderBlueprintMarkdown(designOf(name), { now: NOW })).toBe(
      readFileSync(`test/golden/${name}.md`, 'utf8'),
    );
  });
});

describe('the blueprint of examples/acme.yml', () => {
  it('is the same every time for the same intake', () => {
    expect(renderBlueprint(design(), { now: NOW })).toBe(renderBlueprint(design(), { now: NOW }));
  });

  it('tells the same story in text, JSON and markdown', () => {
    const d = design();
    const text = renderBlueprint(d, { now: NOW });
    const json = JSON.parse(renderBlueprintJson(d, { now: NOW }));
    const markdown = renderBlueprintMarkdown(d, { now: NOW });
    expect(json.business).toBe('Acme Corp');
    expect(json.qualification.framework).toBe('spin');
    expect(text).toContain('QUALIFICATION CRITERIA (SPIN)');
    expect(markdown).toContain('SPIN');
    for (const stage of json.stages as { name: string; probability: number }[]) {
      expect(text).toContain(`| ${stage.name} |`);
      expect(markdown).toContain(stage.name);
      expect(text).toMatch(new RegExp(`\\| ${stage.name} \\|.*\\| ${stage.probability}% \\|`));
    }
    for (const metric of json.metrics as { name: string }[]) {
      expect(text).toContain(`| ${metric.name} |`);
      expect(markdown).toContain(metric.name);
    }
    for (const step of json.followUp.steps as { channel: string; day: number }[]) {
      expect(text).toContain(`${step.channel} @ Day ${step.day}`);
    }
  });

  it('recommends SPIN for a consultative mid-market team and says why', () => {
    expect(design().qualification.reason).toMatch(/consultative/i);
  });

  it('lists nothing as assumed when every field is filled', () => {
    expect(design().assumptions).toEqual([]);
    expect(renderBlueprint(design(), { now: NOW })).not.toContain('ASSUMPTIONS');
  });
});
