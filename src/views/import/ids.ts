/** Every id of the import modal and of the preview message; builders, handlers and tests import them here. */

export const IMPORT_CALLBACK_ID = 'sales_ops_import';

/** Input blocks of the modal and their elements' action ids; the submission schema is keyed by block id. */
export const IMPORT_BLOCK_IDS = { file: 'import_file', source: 'import_source' } as const;
export const IMPORT_ACTION_IDS = { file: 'import_file_value', source: 'import_source_value' } as const;

/** The buttons of the mapping preview; their value is the pending preview's id. */
export const IMPORT_CONFIRM_ACTION_ID = 'sales_ops_import_confirm';
export const IMPORT_CANCEL_ACTION_ID = 'sales_ops_import_cancel';

/** The source select's value for "recognise it from the header row". */
export const AUTO_SOURCE = 'auto';
