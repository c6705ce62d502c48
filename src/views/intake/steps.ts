import type { ModalView } from '@slack/types';
import {
  BUSINESS_FIELDS,
  BUSINESS_STEP_NAME,
  buildBusinessStep,
  parseBusinessStep,
  salvageBusinessStep,
} from './business-step.js';
import {
  buildConversionStep,
  CONVERSION_FIELDS,
  CONVERSION_STEP_NAME,
  parseConversionStep,
  salvageConversionStep,
} from './conversion-step.js';
import type { IntakeDraft } from './draft.js';
import type { StateValues } from './fields.js';
import {
  buildFrameworkStep,
  FRAMEWORK_FIELDS,
  FRAMEWORK_STEP_NAME,
  parseFrameworkStep,
  salvageFrameworkStep,
} from './framework-step.js';
import { buildIcpStep, ICP_FIELDS, ICP_STEP_NAME, parseIcpStep, salvageIcpStep } from './icp-step.js';
import type { IntakeField } from './ids.js';
import {
  buildLeadSourcesStep,
  LEAD_SOURCES_FIELDS,
  LEAD_SOURCES_STEP_NAME,
  parseLeadSourcesStep,
  salvageLeadSourcesStep,
} from './lead-sources-step.js';
import { type IntakeOrigin, TOTAL_STEPS } from './metadata.js';
import type { StepResult } from './step-parse.js';
import type { StepContext } from './step-view.js';

/** One step of the intake: its fields and its builder, parser and salvager. */
export interface IntakeStep {
  name: string;
  fields: readonly IntakeField[];
  build(draft: IntakeDraft, ctx: StepContext): ModalView;
  parse(values: StateValues): StepResult;
  salvage(values: StateValues): IntakeDraft;
}

/** The intake's steps in order; step n is `INTAKE_STEPS[n - 1]`. */
export const INTAKE_STEPS: readonly IntakeStep[] = [
  {
    name: BUSINESS_STEP_NAME,
    fields: BUSINESS_FIELDS,
    build: buildBusinessStep,
    parse: parseBusinessStep,
    salvage: salvageBusinessStep,
  },
  {
    name: ICP_STEP_NAME,
    fields: ICP_FIELDS,
    build: buildIcpStep,
    parse: parseIcpStep,
    salvage: salvageIcpStep,
  },
  {
    name: LEAD_SOURCES_STEP_NAME,
    fields: LEAD_SOURCES_FIELDS,
    build: buildLeadSourcesStep,
    parse: parseLeadSourcesStep,
    salvage: salvageLeadSourcesStep,
  },
  {
    name: CONVERSION_STEP_NAME,
    fields: CONVERSION_FIELDS,
    build: buildConversionStep,
    parse: parseConversionStep,
    salvage: salvageConversionStep,
  },
  {
    name: FRAMEWORK_STEP_NAME,
    fields: FRAMEWORK_FIELDS,
    build: buildFrameworkStep,
    parse: parseFrameworkStep,
    salvage: salvageFrameworkStep,
  },
];

/** The step with this number; throws RangeError outside 1..TOTAL_STEPS (metadata is validated before this). */
export function intakeStep(step: number): IntakeStep {
  const found = INTAKE_STEPS[step - 1];
  if (found === undefined || !Number.isInteger(step)) throw new RangeError(`No intake step ${step}`);
  return found;
}

/** The step that asks for a field. */
export function stepOfField(field: IntakeField): number {
  return INTAKE_STEPS.findIndex((s) => s.fields.includes(field)) + 1;
}

/** Builds the view of any step for a draft, carrying the origin in `private_metadata`. */
export function buildStepView(
  step: number,
  draft: IntakeDraft,
  origin: IntakeOrigin & { notice?: string },
): ModalView {
  return intakeStep(step).build(draft, { ...origin, step, totalSteps: TOTAL_STEPS });
}

/** Parses a step's submitted `view.state.values`. */
export function parseStep(step: number, values: StateValues): StepResult {
  return intakeStep(step).parse(values);
}

/** Keeps a step's valid inputs (for Back and Close), ignoring the invalid ones. */
export function salvageStep(step: number, values: StateValues): IntakeDraft {
  return intakeStep(step).salvage(values);
}
