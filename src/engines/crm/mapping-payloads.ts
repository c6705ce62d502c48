import type { MappingRow } from './mapping.js';

type Body = Record<string, unknown>;

const optionValue = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const YES_NO = ['Yes', 'No'];

// Criterion picklists carry the values the scorecard stores, so a CRM built from these accepts the app's own values.

/** HubSpot: the body of POST /crm/v3/properties/{object}; properties go in a `sales_ops` group. */
function hubspot(row: MappingRow): Body {
  const body: Body = {
    name: row.internalName,
    label: row.label,
    type: row.type,
    fieldType: row.fieldType,
    groupName: 'sales_ops',
    description: row.description,
  };
  if (row.type === 'bool') {
    body.options = [
      { label: 'Yes', value: 'true', displayOrder: 0 },
      { label: 'No', value: 'false', displayOrder: 1 },
    ];
  } else if (row.picklist !== undefined) {
    body.options = row.picklist.map((label, displayOrder) => ({
      label,
      value: row.picklistValues?.[displayOrder] ?? optionValue(label),
      displayOrder,
    }));
  }
  return body;
}

/** Salesforce: a Metadata API CustomField, with the length, precision or value set its type needs. */
function salesforce(row: MappingRow): Body {
  const lookup = /^Lookup\((\w+)\)$/.exec(row.type);
  const body: Body = {
    fullName: `${row.object}.${row.internalName}`,
    label: row.label,
    type: lookup === null ? row.type : 'Lookup',
    description: row.description,
  };
  if (lookup !== null) {
    body.referenceTo = lookup[1];
    body.relationshipName = row.internalName.replace(/__c$/, '');
  }
  if (row.type === 'Text') body.length = 255;
  if (row.type === 'Number') Object.assign(body, { precision: 18, scale: 0 });
  if (row.type === 'Currency') Object.assign(body, { precision: 18, scale: 2 });
  if (row.type === 'Checkbox') body.defaultValue = false;
  if (row.type === 'Picklist' && row.picklist !== undefined) {
    body.valueSet = {
      restricted: true,
      valueSetDefinition: {
        sorted: false,
        value: row.picklist.map((label, i) => ({
          fullName: row.picklistValues?.[i] ?? label,
          label,
          default: false,
        })),
      },
    };
  }
  return body;
}

/** Pipedrive: the body of POST /{object}Fields; a yes/no field becomes a two-option enum. */
function pipedrive(row: MappingRow): Body {
  const body: Body = { name: row.label, field_type: row.type };
  const options = row.type === 'enum' ? (row.picklist ?? YES_NO) : undefined;
  if (options !== undefined) body.options = options.map((label) => ({ label }));
  return body;
}

const BUILDERS: Record<MappingRow['system'], (row: MappingRow) => Body> = { hubspot, salesforce, pipedrive };

/** The create-field call body for a custom field in its system. */
export function createBody(row: MappingRow): Body {
  return BUILDERS[row.system](row);
}
