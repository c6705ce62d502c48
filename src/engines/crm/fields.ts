import { type FrameworkSummary, frameworkSummary } from '../pipeline/frameworks.js';
import type { StageDef } from '../pipeline/stages.js';
import type { FrameworkId } from '../types.js';
import { catalogue } from './field-catalog.js';

export const CRM_FIELD_TYPES = [
  'text',
  'number',
  'currency',
  'date',
  'picklist',
  'boolean',
  'user',
  'email',
  'phone',
  'url',
] as const;
export type CrmFieldType = (typeof CRM_FIELD_TYPES)[number];

export const CRM_CATEGORIES = ['Contact', 'Company', 'Opportunity', 'Activity'] as const;
export type CrmCategory = (typeof CRM_CATEGORIES)[number];

/** One CRM field: `name` is the snake_case internal name the blueprint lists. */
export interface CrmField {
  name: string;
  label: string;
  type: CrmFieldType;
  required: boolean;
  /** Filled by the system or an automation, never typed by a rep. */
  automatic: boolean;
  /** The labels people pick from. */
  picklist?: string[];
  /** The values the app stores behind `picklist`, in the same order (framework criteria); absent, the label is stored. */
  picklistValues?: string[];
  description: string;
}

/** The fields of one CRM object; `required: 'Auto'` marks an object the system fills (activities). */
export interface CrmObjectSpec {
  category: CrmCategory;
  required: 'Yes' | 'Auto';
  fields: CrmField[];
}

export interface CrmDesignInput {
  stages: readonly StageDef[];
  framework: FrameworkId | FrameworkSummary;
  leadSources: readonly string[];
}

/**
 * Designs the CRM fields for Contact, Company, Opportunity and Activity. Picklists carry the pipeline's
 * stages, the lead sources (plus "Other") and, per qualification criterion, every level the scorecard records.
 */
export function designCrmFields(input: CrmDesignInput): CrmObjectSpec[] {
  const framework = frameworkSummary(input.framework);
  const specs = catalogue(input, framework);
  return CRM_CATEGORIES.map((category) => ({
    category,
    required: category === 'Activity' ? 'Auto' : 'Yes',
    fields: specs[category].map(([name, label, type, flags, description, picklist, values]) => {
      const field: CrmField = {
        name,
        label,
        type,
        required: flags.includes('req'),
        automatic: flags.includes('auto'),
        description,
      };
      if (picklist !== undefined) field.picklist = picklist;
      if (values !== undefined) field.picklistValues = values;
      return field;
    }),
  }));
}
