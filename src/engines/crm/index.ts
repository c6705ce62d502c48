export { csvCell } from '../csv-cell.js';
export { type AuditReport, auditRecords } from './audit.js';
export type { AuditDeal, AuditInput, CompanyRecord, ContactRecord, HygieneIssue } from './audit-types.js';
export { type AutomationInput, type AutomationRule, designAutomation } from './automation.js';
export {
  CRM_CATEGORIES,
  CRM_FIELD_TYPES,
  type CrmCategory,
  type CrmDesignInput,
  type CrmField,
  type CrmFieldType,
  type CrmObjectSpec,
  designCrmFields,
} from './fields.js';
export { DEFAULT_STALE_DAYS, HYGIENE_CHECKS, HYGIENE_RULES, hygieneRules } from './hygiene-rules.js';
export { type MappingRow, mappingCsv, mappingJson, mappingRows } from './mapping.js';
export { createBody } from './mapping-payloads.js';
export {
  CRM_SYSTEMS,
  type CrmSystem,
  SYSTEMS,
  type SystemField,
  salesforceCustomName,
} from './mapping-systems.js';
export {
  isE164,
  isEmail,
  isWebAddress,
  normaliseCompanyName,
  normaliseDomain,
  normaliseEmail,
} from './normalise.js';
export { designReports, type ReportSpec } from './reports.js';
