import { getFramework, recommendFramework } from '../qualification/index.js';
import type { FrameworkId, Motion, SalesModel, Segment } from '../types.js';

/** What the workspace says about its framework: its setting, its business profile and its deals. */
export interface FrameworkChoiceInput {
  setting?: FrameworkId | 'auto' | undefined;
  profileFramework?: FrameworkId | 'auto' | undefined;
  model?: SalesModel | undefined;
  dealSize?: number | undefined;
  segment?: Segment | undefined;
  motion?: Motion | undefined;
}

/** The framework a lead is qualified with, and where that choice came from in words. */
export interface FrameworkChoice {
  framework: FrameworkId;
  reason: string;
}

/**
 * Picks the workspace's framework: its setting, else the one its business profile names, else the one
 * recommended for its deal size, else BANT.
 */
export function chooseFramework(input: FrameworkChoiceInput): FrameworkChoice {
  if (input.setting !== undefined && input.setting !== 'auto')
    return { framework: input.setting, reason: 'the workspace setting' };
  if (input.profileFramework !== undefined && input.profileFramework !== 'auto')
    return { framework: input.profileFramework, reason: 'the business profile' };
  if (input.dealSize !== undefined && input.dealSize >= 0) {
    const pick = recommendFramework({
      model: input.model ?? 'inside',
      averageDealSize: input.dealSize,
      segment: input.segment,
      motion: input.motion,
    });
    return { framework: pick.framework, reason: `recommended for your deals: ${pick.reason}` };
  }
  return { framework: 'bant', reason: `the default; ${getFramework('bant').bestFor} teams start here` };
}
