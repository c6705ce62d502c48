import { readFileSync } from 'node:fs';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CrmSpecView, renderCrmMessages } from '../../src/blocks/crm.js';
import { fitLines, packMessages, sectionsOf } from '../../src/blocks/crm-layout.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { crmSpec } from '../../src/commands/crm/command.js';
import { resolveIntake } from '../../src/engines/intake.js';

const acme = () => crmSpec(resolveIntake(parse(readFileSync('examples/acme.yml', 'utf8'))));
const text = (blocks: KnownBlock[]) => JSON.stringify(blocks);

describe('CRM spec messages', () => {
  const spec = acme();
  const messages = renderCrmMessages(spec);

  it('puts the fields of each object in the first message and the rules in the next', () => {
    expect(messages).toHaveLength(2);
    const [fields, rules] = messages.map((m) => text(m.blocks));
    expect(fields).toContain('CRM spec · Acme Corp');
    expect(fields).toContain(
      'Lead → Qualified → Discovery → Proposal → Negotiation → Closed Won → Closed Lost',
    );
    for (const object of ['Contact', 'Company', 'Opportunity', 'Activity'])
      expect(fields).toContain(`*${object}:`);
    expect(fields).toContain('• *Email* `email` · email · *required*');
    expect(fields).toContain('• *Lead score* `lead_score` · number · auto');
    expect(fields).toContain(
      'Values: Inbound demo requests, Outbound SDR, Partner referrals, Webinars, Other',
    );
    expect(rules).toContain('*Workflow automation (trigger → condition → action)*');
    expect(rules).toContain('*Data hygiene rules');
    expect(rules).toContain('*Reports and dashboards to build*');
    expect(messages[0]?.text).toBe('CRM spec for Acme Corp: fields per object');
  });

  it('lists every designed field, rule and report', () => {
    const all = text(messages.flatMap((m) => m.blocks));
    for (const field of spec.objects.flatMap((o) => o.fields)) expect(all).toContain(`\`${field.name}\``);
    for (const report of spec.reports) expect(all).toContain(report.name);
    for (const rule of spec.hygiene) expect(all).toContain(`*${rule.id}*`);
    expect(all.split('*When*').length - 1).toBe(spec.automation.length);
  });

  it('shortens long picklists and splits long lists over sections and messages, within Slack limits', () => {
    const sources = Array.from({ length: 60 }, (_, i) => `Source <${i}> & partners ${'x'.repeat(50)}`);
    const big: CrmSpecView = {
      ...spec,
      business: 'Smith & <Sons>',
      objects: spec.objects.map((o) => ({
        ...o,
        fields: Array.from({ length: 40 }, (_, i) => ({
          name: `field_${i}`,
          label: `Field ${i} & <more>`,
          type: 'picklist' as const,
          required: i % 2 === 0,
          automatic: false,
          picklist: sources,
          description: 'A long description & more. '.repeat(30),
        })),
      })),
      automation: Array.from({ length: 80 }, (_, i) => ({
        id: `r${i}`,
        trigger: 'A deal sits idle '.repeat(10),
        condition: 'in Proposal '.repeat(10),
        action: 'task the owner '.repeat(10),
      })),
    };
    const out = renderCrmMessages(big);
    expect(out.length).toBeGreaterThan(2);
    for (const message of out) expect(checkMessage(message)).toEqual({ ok: true });
    const all = text(out.flatMap((m) => m.blocks));
    expect(all).toContain('and 54 more');
    expect(all).toContain('(continued)*');
    expect(all).toContain('Field 0 &amp; &lt;more&gt;');
    expect(all).not.toContain('<more>');
    expect(out[0]?.text).toBe('CRM spec for Smith &amp; &lt;Sons&gt;: fields per object, part 1');
  });
});

describe('fitting lines into Slack limits', () => {
  it('keeps every line when they fit', () => {
    expect(fitLines(['a', 'b'], 10)).toBe('a\nb');
  });

  it('drops the lines that do not fit and says how many', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const fitted = fitLines(lines, 40);
    expect(fitted.length).toBeLessThanOrEqual(40);
    expect(fitted).toBe('line 0\nline 1\nline 2\n_…and 7 more_');
  });

  it('splits a long list into continued sections instead of cutting it', () => {
    const sections = sectionsOf(
      'Rules',
      Array.from({ length: 30 }, () => 'r'.repeat(200)),
    );
    expect(sections.length).toBe(3);
    expect(sections[1]?.text?.text.startsWith('*Rules (continued)*\n')).toBe(true);
    for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
  });

  it('starts a new message after 50 blocks', () => {
    const blocks: KnownBlock[] = Array.from({ length: 120 }, () => ({ type: 'divider' }));
    const messages = packMessages(blocks, (i, n) => `part ${i + 1} of ${n}`);
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 20]);
    expect(messages[2]?.text).toBe('part 3 of 3');
  });
});
