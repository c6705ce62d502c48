import type { Source, SourceDefinition } from '../types.js';
import { hubspot } from './hubspot.js';
import { maven } from './maven.js';
import { pipedrive } from './pipedrive.js';
import { salesforce } from './salesforce.js';

/** Every export format the import understands, in the order detection tries them. */
export const SOURCE_DEFINITIONS: Readonly<Record<Source, SourceDefinition>> = {
  hubspot,
  salesforce,
  pipedrive,
  maven,
};
