import { benchImportMemory } from './import-memory.js';

await benchImportMemory();
