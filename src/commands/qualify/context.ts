import { resolveIntake } from '../../engines/intake.js';
import { designStages, type StageDef } from '../../engines/pipeline/index.js';
import { chooseFramework, type FrameworkChoice } from '../../engines/qualify-text/index.js';
import { operatingThresholds } from '../../engines/thresholds.js';
import type { FrameworkId, SalesModel } from '../../engines/types.js';
import type { Store } from '../../store/index.js';

/** What qualifying a lead needs to know about the workspace. */
export interface QualifyWorkspace {
  choice: FrameworkChoice;
  model: SalesModel;
  /** The profile's average deal size, which a budget is compared with when the lead has no amount. */
  dealSize?: number;
  /** The workspace's time zone setting, the fallback when a person's own is unknown. */
  timeZone?: string;
  /**
   * Days without activity after which a lead is disqualified as stale, scaled to the profile's sales cycle
   * (see `operatingThresholds`); without a profile a lead's quiet spell is not judged.
   */
  leadStaleDays?: number;
}

/** Reads the workspace's settings and business profile, and picks its framework. */
export async function loadWorkspace(store: Store, teamId: string): Promise<QualifyWorkspace> {
  const [settings, profile] = await Promise.all([store.settings.get(teamId), store.profiles.get(teamId)]);
  const intake = profile?.intake;
  const dealSize = intake?.deal?.averageSize;
  const choice = chooseFramework({
    setting: settings.framework,
    profileFramework: intake?.framework,
    model: intake?.model,
    dealSize,
    segment: intake?.deal?.segment,
    motion: intake?.deal?.motion,
  });
  return {
    choice,
    model: intake?.model ?? 'inside',
    ...(dealSize === undefined ? {} : { dealSize }),
    ...(settings.timezone === undefined ? {} : { timeZone: settings.timezone }),
    ...(intake === undefined
      ? {}
      : { leadStaleDays: operatingThresholds(resolveIntake(intake)).leadStaleDays }),
  };
}

/** The pipeline a lead moves through: the workspace's sales model with the lead's framework. */
export function pipelineFor(model: SalesModel, framework: FrameworkId): StageDef[] {
  return designStages({ model, framework });
}
