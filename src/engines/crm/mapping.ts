import { csvText } from '../csv-cell.js';
import type { CrmCategory, CrmObjectSpec } from './fields.js';
import { createBody } from './mapping-payloads.js';
import { type CrmSystem, SYSTEMS } from './mapping-systems.js';

/** One field as a CRM sees it: the system's object, internal name and type, and whether to create it. */
export interface MappingRow {
  system: CrmSystem;
  category: CrmCategory;
  object: string;
  field: string;
  label: string;
  internalName: string;
  type: string;
  fieldType?: string;
  /** True when the field does not exist in the system yet and must be created. */
  custom: boolean;
  required: boolean;
  picklist?: string[];
  /** Stored values behind `picklist`, in the same order, where they differ from the labels. */
  picklistValues?: string[];
  description: string;
}

/** Maps every designed field onto a CRM: standard properties where they exist, custom ones by its convention. */
export function mappingRows(objects: readonly CrmObjectSpec[], system: CrmSystem): MappingRow[] {
  const spec = SYSTEMS[system];
  return objects.flatMap((object) =>
    object.fields.map((field) => {
      const standard = spec.standard[`${object.category}.${field.name}`];
      const target = standard ?? spec.custom(field.name, field.type);
      const row: MappingRow = {
        system,
        category: object.category,
        object: spec.objects[object.category],
        field: field.name,
        label: field.label,
        internalName: target.internalName,
        type: target.type,
        custom: standard === undefined,
        required: field.required,
        description: field.description,
      };
      if (target.fieldType !== undefined) row.fieldType = target.fieldType;
      if (field.picklist !== undefined) row.picklist = field.picklist;
      if (field.picklistValues !== undefined) row.picklistValues = field.picklistValues;
      return row;
    }),
  );
}

const CSV_COLUMNS: [string, (row: MappingRow) => string][] = [
  ['Object', (r) => r.object],
  ['Field Label', (r) => r.label],
  ['Internal Name', (r) => r.internalName],
  ['Field Type', (r) => r.type],
  ['Display Type', (r) => r.fieldType ?? ''],
  ['Custom', (r) => (r.custom ? 'Yes' : 'No')],
  ['Required', (r) => (r.required ? 'Yes' : 'No')],
  ['Picklist Values', (r) => (r.picklist ?? []).join(';')],
  ['Description', (r) => r.description],
  ['Sales Ops Field', (r) => `${r.category}.${r.field}`],
];

/** The mapping as CSV: a header row, then one row per field, lines ended with CRLF, formulas neutralised. */
export function mappingCsv(objects: readonly CrmObjectSpec[], system: CrmSystem): string {
  return csvText([
    CSV_COLUMNS.map(([header]) => header),
    ...mappingRows(objects, system).map((row) => CSV_COLUMNS.map(([, cell]) => cell(row))),
  ]);
}

/**
 * The mapping as JSON: per object, the standard properties to map and the custom fields to create,
 * each custom field written as the body of that system's create-field call (see mapping-payloads.ts).
 */
export function mappingJson(objects: readonly CrmObjectSpec[], system: CrmSystem): string {
  const rows = mappingRows(objects, system);
  const grouped = [...new Set(rows.map((r) => r.object))].map((object) => {
    const mine = rows.filter((r) => r.object === object);
    return {
      object,
      map: mine
        .filter((r) => !r.custom)
        .map((r) => ({ field: r.field, internalName: r.internalName, type: r.type })),
      create: mine.filter((r) => r.custom).map((r) => createBody(r)),
    };
  });
  return `${JSON.stringify({ system: SYSTEMS[system].label, objects: grouped }, null, 2)}\n`;
}
