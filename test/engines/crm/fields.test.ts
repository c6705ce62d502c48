import { describe, expect, it } from 'vitest';
import {
  CRM_FIELD_TYPES,
  type CrmObjectSpec,
  designAutomation,
  designCrmFields,
  designReports,
  HYGIENE_RULES,
} from '../../../src/engines/crm/index.js';
import type { Design } from '../../../src/engines/design.js';
import { customStages, designStages } from '../../../src/engines/pipeline/index.js';

const STAGES = designStages({ model: 'inside', framework: 'bant' });
const SOURCES = ['Inbound website', 'Referrals'];
const objects = designCrmFields({ stages: STAGES, framework: 'bant', leadSources: SOURCES });
const field = (specs: CrmObjectSpec[], category: string, name: string) =>
  specs.find((o) => o.category === category)?.fields.find((f) => f.name === name);

describe('designCrmFields', () => {
  it('designs Contact, Company and Opportunity as required objects and Activity as automatic', () => {
    expect(objects.map((o) => [o.category, o.required])).toEqual([
      ['Contact', 'Yes'],
      ['Company', 'Yes'],
      ['Opportunity', 'Yes'],
      ['Activity', 'Auto'],
    ]);
  });

  it('fits the blueprint model together with automation, hygiene rules and reports', () => {
    const crm: Design['crm'] = {
      objects,
      automation: designAutomation({ stages: STAGES, framework: 'bant' }),
      hygiene: HYGIENE_RULES,
      reports: designReports({ stages: STAGES }),
    };
    expect(crm.objects).toHaveLength(4);
    expect(crm.automation.length).toBeGreaterThan(0);
  });

  it.each([
    ['Opportunity', 'stage', 'picklist', STAGES.map((s) => s.name)],
    ['Contact', 'lead_source', 'picklist', [...SOURCES, 'Other']],
    ['Opportunity', 'budget_status', 'picklist', ['Confirmed', 'Partial', 'Unknown', 'Red flag']],
    ['Opportunity', 'timeline_status', 'picklist', ['Confirmed', 'Partial', 'Unknown', 'Red flag']],
    ['Opportunity', 'amount', 'currency', undefined],
    ['Contact', 'email', 'email', undefined],
    ['Contact', 'phone', 'phone', undefined],
    ['Company', 'domain', 'url', undefined],
    ['Opportunity', 'owner', 'user', undefined],
    ['Contact', 'do_not_contact', 'boolean', undefined],
  ])('gives %s.%s the type %s and its picklist', (category, name, type, picklist) => {
    const f = field(objects, category, name);
    expect(f?.type).toBe(type);
    expect(f?.picklist).toEqual(picklist);
  });

  it('marks what reps must fill and what the system fills', () => {
    expect(field(objects, 'Contact', 'email')).toMatchObject({ required: true, automatic: false });
    expect(field(objects, 'Opportunity', 'probability')).toMatchObject({ required: false, automatic: true });
    expect(field(objects, 'Contact', 'lead_score')).toMatchObject({ automatic: true });
    expect(
      objects
        .find((o) => o.category === 'Activity')
        ?.fields.filter((f) => !f.automatic)
        .map((f) => f.name),
    ).toEqual(['outcome']);
  });

  it('keeps names snake_case and unique, types known, and picklists only on picklist fields', () => {
    for (const object of objects) {
      const names = object.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of object.fields) {
        expect(f.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(CRM_FIELD_TYPES).toContain(f.type);
        expect(f.picklist !== undefined).toBe(f.type === 'picklist');
        if (f.picklist) expect(f.picklist.length).toBeGreaterThan(0);
        expect(f.description.length).toBeGreaterThan(0);
      }
    }
  });

  it('adds one status field per MEDDIC criterion with the 0–3 levels', () => {
    const meddic = designCrmFields({ stages: STAGES, framework: 'meddic', leadSources: [] });
    const opportunity = meddic.find((o) => o.category === 'Opportunity')?.fields ?? [];
    expect(opportunity.filter((f) => f.name.endsWith('_status')).map((f) => f.name)).toEqual([
      'metrics_status',
      'economic_buyer_status',
      'decision_criteria_status',
      'decision_process_status',
      'identify_pain_status',
      'champion_status',
    ]);
    expect(field(meddic, 'Opportunity', 'champion_status')?.picklist).toEqual([
      'Confirmed with evidence',
      'Validated',
      'Identified',
      'Unknown',
    ]);
    expect(field(meddic, 'Contact', 'lead_source')?.picklist).toEqual(['Other']);
  });

  it("offers every level the scorecard stores, with its label, for each criterion (Sandler's pain)", () => {
    const specs = designCrmFields({ stages: STAGES, framework: 'sandler', leadSources: ['Other'] });
    const pain = field(specs, 'Opportunity', 'pain_status');
    expect(pain?.picklist).toEqual([
      'Willing to fix',
      'Personal impact',
      'Tried',
      'Cost',
      'Surface problem',
      'Not explored',
      'No pain',
    ]);
    expect(pain?.picklistValues).toEqual([
      'willing',
      'personal',
      'tried',
      'cost',
      'surface',
      'not_explored',
      'no_pain',
    ]);
    expect(field(specs, 'Contact', 'lead_source')?.picklistValues).toBeUndefined();
  });

  it("names an imported pipeline's lost stage in the loss reason rule", () => {
    const stages = customStages([
      { name: 'Prospecting', kind: 'open' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ]);
    const specs = designCrmFields({ stages, framework: 'bant', leadSources: [] });
    expect(field(specs, 'Opportunity', 'loss_reason')?.description).toBe('Required when the stage is Lost.');
    expect(field(specs, 'Opportunity', 'stage')?.picklist).toEqual(['Prospecting', 'Won', 'Lost']);
  });
});
