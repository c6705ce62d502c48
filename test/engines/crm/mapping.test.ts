import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CRM_SYSTEMS,
  csvCell,
  designCrmFields,
  mappingCsv,
  mappingJson,
  mappingRows,
  SYSTEMS,
  salesforceCustomName,
} from '../../../src/engines/crm/index.js';
import { designStages } from '../../../src/engines/pipeline/index.js';

const OBJECTS = designCrmFields({
  stages: designStages({ model: 'hybrid', framework: 'bant' }),
  framework: 'bant',
  leadSources: ['Inbound, website', 'Partner "A"'],
});
const row = (system: (typeof CRM_SYSTEMS)[number], category: string, field: string) =>
  mappingRows(OBJECTS, system).find((r) => r.category === category && r.field === field);

describe('mappingRows', () => {
  it.each([
    ['hubspot', 'Contact', 'first_name', 'contacts', 'firstname', 'string', false],
    ['hubspot', 'Company', 'domain', 'companies', 'domain', 'string', false],
    ['hubspot', 'Opportunity', 'stage', 'deals', 'dealstage', 'enumeration', false],
    ['hubspot', 'Opportunity', 'amount', 'deals', 'amount', 'number', false],
    ['hubspot', 'Opportunity', 'close_date', 'deals', 'closedate', 'datetime', false],
    ['hubspot', 'Opportunity', 'budget_status', 'deals', 'budget_status', 'enumeration', true],
    ['hubspot', 'Activity', 'occurred_at', 'engagements', 'hs_timestamp', 'datetime', false],
    ['salesforce', 'Contact', 'first_name', 'Contact', 'FirstName', 'Text', false],
    ['salesforce', 'Company', 'name', 'Account', 'Name', 'Text', false],
    ['salesforce', 'Opportunity', 'stage', 'Opportunity', 'StageName', 'Picklist', false],
    ['salesforce', 'Opportunity', 'amount', 'Opportunity', 'Amount', 'Currency', false],
    ['salesforce', 'Opportunity', 'close_date', 'Opportunity', 'CloseDate', 'Date', false],
    ['salesforce', 'Opportunity', 'budget_status', 'Opportunity', 'Budget_Status__c', 'Picklist', true],
    ['salesforce', 'Contact', 'lead_score', 'Contact', 'Lead_Score__c', 'Number', true],
    ['salesforce', 'Activity', 'owner', 'Task', 'OwnerId', 'Lookup(User)', false],
    ['pipedrive', 'Company', 'name', 'organization', 'name', 'varchar', false],
    ['pipedrive', 'Opportunity', 'amount', 'deal', 'value', 'monetary', false],
    ['pipedrive', 'Opportunity', 'close_date', 'deal', 'expected_close_date', 'date', false],
    ['pipedrive', 'Opportunity', 'stage', 'deal', 'stage_id', 'stage', false],
    ['pipedrive', 'Contact', 'do_not_contact', 'person', 'do_not_contact', 'enum', true],
    ['pipedrive', 'Activity', 'subject', 'activity', 'subject', 'varchar', false],
  ] as const)(
    'maps %s %s.%s to %s.%s (%s)',
    (system, category, field, object, internalName, type, custom) => {
      expect(row(system, category, field)).toMatchObject({ object, internalName, type, custom });
    },
  );

  it.each(CRM_SYSTEMS)('maps every field once onto one of the four %s objects without clashes', (system) => {
    const rows = mappingRows(OBJECTS, system);
    expect(rows).toHaveLength(OBJECTS.reduce((n, o) => n + o.fields.length, 0));
    expect(new Set(rows.map((r) => r.object))).toEqual(new Set(Object.values(SYSTEMS[system].objects)));
    const keys = rows.map((r) => `${r.object}.${r.internalName}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names Salesforce custom fields by its convention', () => {
    for (const r of mappingRows(OBJECTS, 'salesforce').filter((x) => x.custom)) {
      expect(r.internalName).toMatch(/^[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*__c$/);
    }
    expect(salesforceCustomName('economic_buyer_status')).toBe('Economic_Buyer_Status__c');
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('mappingCsv', () => {
  it.each(CRM_SYSTEMS)('reads back, for %s, to the same rows with commas and quotes intact', (system) => {
    const csv = mappingCsv(OBJECTS, system);
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    const rows = mappingRows(OBJECTS, system);
    expect(records).toHaveLength(rows.length);
    expect(Object.keys(records[0] ?? {})).toEqual([
      'Object',
      'Field Label',
      'Internal Name',
      'Field Type',
      'Display Type',
      'Custom',
      'Required',
      'Picklist Values',
      'Description',
      'Sales Ops Field',
    ]);
    const source = records.find((r) => r['Sales Ops Field'] === 'Contact.lead_source');
    expect(source?.['Picklist Values']).toBe('Inbound, website;Partner "A";Other');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('mappingJson', () => {
  const json = (system: (typeof CRM_SYSTEMS)[number]) =>
    JSON.parse(mappingJson(OBJECTS, system)) as {
      system: string;
      objects: { object: string; map: { internalName: string }[]; create: Record<string, unknown>[] }[];
    };

  it('writes HubSpot property bodies with option values for custom picklists', () => {
    const deals = json('hubspot').objects.find((o) => o.object === 'deals');
    expect(deals?.map.map((m) => m.internalName)).toContain('dealstage');
    expect(deals?.create.find((c) => c.name === 'budget_status')).toMatchObject({
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'sales_ops',
      options: [
        { label: 'Confirmed', value: 'confirmed', displayOrder: 0 },
        { label: 'Partial', value: 'partial', displayOrder: 1 },
        { label: 'Unknown', value: 'unknown', displayOrder: 2 },
        { label: 'Red flag', value: 'red_flag', displayOrder: 3 },
      ],
    });
  });

  it('writes Salesforce CustomField metadata with a value set, precision or length', () => {
    const opportunity = json('salesforce').objects.find((o) => o.object === 'Opportunity');
    const budget = opportunity?.create.find((c) => c.fullName === 'Opportunity.Budget_Status__c');
    expect(budget).toMatchObject({ type: 'Picklist', label: 'Budget status' });
    // The value the scorecard stores is the API name; the label is what people read.
    expect(JSON.stringify(budget)).toContain('{"fullName":"red_flag","label":"Red flag","default":false}');
    const contact = json('salesforce').objects.find((o) => o.object === 'Contact');
    expect(contact?.create.find((c) => c.fullName === 'Contact.Lead_Score__c')).toMatchObject({
      precision: 18,
      scale: 0,
    });
  });

  it('writes Pipedrive field bodies, turning yes/no into a two-option enum', () => {
    const person = json('pipedrive').objects.find((o) => o.object === 'person');
    expect(person?.create.find((c) => c.name === 'Do not contact')).toEqual({
      name: 'Do not contact',
      field_type: 'enum',
      options: [{ label: 'Yes' }, { label: 'No' }],
    });
    expect(json('pipedrive').system).toBe('Pipedrive');
  });
});
