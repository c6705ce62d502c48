import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { FRAMEWORK_IDS } from '../../engines/types.js';
import type { IntakeDraft } from './draft.js';
import { type Choice, selectInput } from './elements.js';
import { choice, field, type StateValues } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { parseStepValues, type StepResult, salvageStepValues } from './step-parse.js';
import { type StepContext, stepView } from './step-view.js';

/** Step 5 of the intake: the qualification framework. */
export const FRAMEWORK_STEP_NAME = 'Qualification framework';
export const FRAMEWORK_FIELDS = ['framework'] as const satisfies readonly IntakeField[];

/** The framework options with a one-line description each (Slack shows at most 75 characters). */
export const FRAMEWORK_CHOICES: Choice[] = [
  {
    value: 'auto',
    text: 'Recommended for you',
    description: 'Chosen from your model and deal size; the blueprint says why',
  },
  {
    value: 'bant',
    text: 'BANT',
    description: 'Budget, Authority, Need, Timeline: quick checks for SMB deals',
  },
  {
    value: 'meddic',
    text: 'MEDDIC',
    description: 'Metrics, economic buyer, champion…: rigour for enterprise deals',
  },
  { value: 'meddpicc', text: 'MEDDPICC', description: 'MEDDIC plus paper process and competition' },
  {
    value: 'spin',
    text: 'SPIN',
    description: 'Situation, Problem, Implication, Need-payoff: consultative selling',
  },
  {
    value: 'sandler',
    text: 'Sandler',
    description: 'Up-front contract, pain, budget, decision: relationship selling',
  },
  {
    value: 'challenger',
    text: 'Challenger',
    description: 'Teach, tailor, take control: complex multi-stakeholder deals',
  },
];

const IDS = ['auto', ...FRAMEWORK_IDS] as const;

/** Step 5's schema, keyed by input block id. */
export const frameworkStepSchema = z.object({
  [BLOCK_IDS.framework]: field(
    choice(IDS, 'Choose a framework from the list, or Recommended'),
    'Choose a framework, or keep Recommended',
  ),
});

/** Builds step 5 (the last), pre-filled from the draft; Recommended is selected when the draft has none. */
export function buildFrameworkStep(draft: IntakeDraft, ctx: StepContext): ModalView {
  return stepView(
    ctx,
    FRAMEWORK_STEP_NAME,
    [
      selectInput('framework', FRAMEWORK_CHOICES, {
        initial: draft.framework ?? 'auto',
        hint: 'Your qualification scorecards, stage exit criteria and CRM fields follow this framework.',
      }),
    ],
    'How should reps decide whether a lead is worth pursuing? Not sure: keep Recommended.',
  );
}

/** Parses step 5's `view.state.values` into a draft patch or an inline error. */
export function parseFrameworkStep(values: StateValues): StepResult {
  return parseStepValues(frameworkStepSchema, FRAMEWORK_FIELDS, values);
}

/** Keeps step 5's input for a draft saved on Back or Close. */
export function salvageFrameworkStep(values: StateValues): IntakeDraft {
  return salvageStepValues(frameworkStepSchema, FRAMEWORK_FIELDS, values);
}
