/** The intake feature: `/sales-ops <business>` opens the intake modal; when done, the blueprint is posted. */
export { unreachableText } from './blueprint-notice.js';
export {
  conversationFor,
  fileSlug,
  postThread,
  type ThreadFile,
  unreachableReason,
} from './blueprint-post.js';
export { design, MAX_BUSINESS_LENGTH } from './command.js';
export { createOpenIntake } from './open.js';
export { registerIntake } from './register.js';
