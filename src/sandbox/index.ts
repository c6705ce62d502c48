export { type OutgoingBody, signedHeaders } from './app-client.js';
export type { BlockActionInput } from './payloads/block-action.js';
export type { ShortcutInput, SlashCommandInput } from './payloads/command.js';
export type { ViewClosedInput, ViewRef, ViewSubmissionInput } from './payloads/view.js';
export { signatureHeaders, signRequest } from './signing.js';
export { SlackStandIn, type StandInOptions } from './stand-in.js';
export type * from './types.js';
export { type FieldValue, SubmissionRejectedError, type UploadInput } from './view-state.js';
