/** The import feature: `/sales-ops import`, its modal, preview and confirm; the CLI runs the same import. */
export { importCsv } from './command.js';
export { type HeaderMapping, readFileHeader } from './header.js';
export { registerImport } from './register.js';
export { type ImportRun, type ImportTarget, runImport } from './run.js';
export { importReportText, mappingText } from './text.js';
