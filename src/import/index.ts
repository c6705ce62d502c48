/** The CSV import: recognise a CRM export, preview its mapping, stream it into deals. */

export { ACCOUNT_COLUMNS, loadAccountFacts } from './accounts.js';
export { parseAmount, parseDate } from './cells.js';
export { statusFromStageName } from './deal-rules.js';
export { type ImportOptions, type ImportResult, importDeals, type RejectedRow } from './import-deals.js';
export { describeMapping, detectSource, type MappingPreview } from './mapping.js';
export { loadProductPrices, normaliseProductName, normaliseSector } from './products.js';
export { SOURCE_DEFINITIONS } from './sources/index.js';
export { type MappedField, SOURCES, type Source, type SourceDefinition } from './types.js';
