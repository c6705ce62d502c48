/**
 * The multi-step intake modal behind `/sales-ops [business]`: five steps (business and model; ICP; lead
 * sources; cycle and conversion; framework), each a file holding its builder, zod schema and parser.
 *
 * Navigation stays inside Slack's stack of three views by never pushing:
 * - the command opens step 1 with `views.open`, pre-filled from the saved draft (`buildStepView(1, draft, …)`,
 *   or the draft's last step to resume);
 * - a valid submission of step n is acked with `nextStepResponse(n, draft, origin)`, a `response_action:
 *   'update'` that replaces the view with step n+1, so the stack is always exactly one view deep;
 * - an invalid one is acked with `errorsResponse(result.errors)` (views/field-errors.ts): messages appear under the inputs;
 * - Back is a button (`INTAKE_BACK_ACTION_ID`) handled with `views.update` on the same view id and
 *   `previousStepView(n, draft, origin)`; merge `salvageStep(n, view.state.values)` first so nothing typed is lost;
 * - every view sets `notify_on_close`, so the `view_closed` handler can save `salvageStep(...)` into the draft;
 * - the last step runs `validateCompleteIntake(draft)`; a failure goes back to the step at fault with
 *   `incompleteIntakeResponse(...)`, a success is acked with `nextStepResponse(5, …)` (a "blueprint on its way"
 *   view with nothing to submit) before the blueprint is built and posted.
 * Which step a view is, and where the blueprint goes, travel in `private_metadata` (`parseIntakeMetadata`).
 */
export { type CompleteIntakeResult, validateCompleteIntake } from './complete.js';
export { FIELD_PATHS, type IntakeDraft, mergeStep } from './draft.js';
export type { StateValues } from './fields.js';
export * from './ids.js';
export {
  encodeIntakeMetadata,
  type IntakeMetadata,
  type IntakeOrigin,
  parseIntakeMetadata,
  TOTAL_STEPS,
} from './metadata.js';
export {
  buildIntakeDoneView,
  incompleteIntakeResponse,
  nextStepResponse,
  previousStepView,
} from './navigation.js';
export type { StepResult } from './step-parse.js';
export type { StepContext } from './step-view.js';
export {
  buildStepView,
  INTAKE_STEPS,
  type IntakeStep,
  intakeStep,
  parseStep,
  salvageStep,
  stepOfField,
} from './steps.js';
