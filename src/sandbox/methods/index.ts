import { chatMethods } from './chat.js';
import type { MethodHandler } from './common.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import { teamMethods } from './team.js';
import { viewMethods } from './views.js';

export type { MethodContext, MethodHandler } from './common.js';

/** Every Web API method the stand-in answers, by name. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...teamMethods,
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...fileMethods,
};
