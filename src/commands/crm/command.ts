import { type CrmSpecView, renderCrmMessages } from '../../blocks/crm.js';
import { buildDesign } from '../../engines/build-design.js';
import {
  CRM_SYSTEMS,
  type CrmSystem,
  designAutomation,
  designCrmFields,
  designReports,
  hygieneRules,
  mappingCsv,
  mappingJson,
  SYSTEMS,
} from '../../engines/crm/index.js';
import { type Intake, resolveIntake } from '../../engines/intake.js';
import { frameworkSummary } from '../../engines/pipeline/index.js';
import { operatingThresholds } from '../../engines/thresholds.js';
import { SLASH_COMMAND } from '../ids.js';
import {
  conversationFor,
  fileSlug,
  postThread,
  type ThreadFile,
  unreachableReason,
  unreachableText,
} from '../intake/index.js';
import { profileNeededMessage, stagesFor } from '../pipeline/index.js';
import type { CommandHandler } from '../types.js';

/** What each system's pair of files is for, posted above them in the thread. */
const IMPORT_NOTES: Record<CrmSystem, string> = {
  hubspot:
    '*HubSpot*: the CSV maps each field to its HubSpot property (standard ones such as `dealstage` included); the JSON holds the body of `POST /crm/v3/properties/{object}` for each custom property to create.',
  salesforce:
    '*Salesforce*: the CSV maps each field to its API name (`StageName`, custom fields ending in `__c`); the JSON holds the Metadata API definition of each custom field to create.',
  pipedrive:
    '*Pipedrive*: the CSV maps each field to its Pipedrive key; the JSON holds the body of `POST /{object}Fields` for each custom field to create.',
};

/**
 * The CRM structure for a resolved intake, exactly as the blueprint designs it: the intake's stages, fields
 * per object, automation and hygiene rules on the team's time limits, and reports.
 */
export function crmSpec(intake: Intake): CrmSpecView {
  const design = buildDesign(intake);
  const framework = frameworkSummary(design.qualification.framework);
  const stages = stagesFor(intake);
  const times = operatingThresholds(intake);
  const leadSources = intake.leadSources.map((s) => s.name);
  return {
    business: design.business,
    frameworkName: design.qualification.frameworkName,
    stages: stages.map((s) => s.name),
    objects: designCrmFields({ stages, framework, leadSources }),
    automation: designAutomation({
      stages,
      framework,
      idleDays: times.idleDays,
      speedToLeadHours: times.speedToLeadHours,
    }),
    hygiene: hygieneRules(times.staleDays),
    reports: designReports({ stages, leadSources }),
    systems: CRM_SYSTEMS.map((system) => SYSTEMS[system].label),
  };
}

/** The mapping files, one CSV and one JSON per CRM, each pair with a note on how to use it. */
export function mappingUploads(spec: CrmSpecView): { comment: string; files: ThreadFile[] }[] {
  const slug = fileSlug(spec.business);
  return CRM_SYSTEMS.map((system) => {
    const label = SYSTEMS[system].label;
    return {
      comment: IMPORT_NOTES[system],
      files: [
        {
          filename: `sales-ops-crm-${system}-${slug}.csv`,
          title: `${label} field mapping (CSV)`,
          content: mappingCsv(spec.objects, system),
        },
        {
          filename: `sales-ops-crm-${system}-${slug}.json`,
          title: `${label} field mapping (JSON)`,
          content: mappingJson(spec.objects, system),
        },
      ],
    };
  });
}

/**
 * `/sales-ops crm`: posts the CRM spec in the channel (in the person's DM with the app when there is no
 * channel), with the automation, hygiene rules, reports and the import files in its thread.
 */
export const crm: CommandHandler = async (request, deps) => {
  const profile = await deps.store.profiles.get(request.teamId);
  if (profile === undefined) {
    await request.reply(profileNeededMessage('crm'));
    return;
  }
  const spec = crmSpec(resolveIntake(profile.intake));
  const toDm = request.channelId === undefined;
  const channel = request.channelId ?? '';
  try {
    await postThread(request.client, {
      channel: await conversationFor(request.client, channel, request.userId),
      messages: renderCrmMessages(spec),
      uploads: mappingUploads(spec),
      logger: deps.logger,
    });
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason === undefined) throw error;
    await request.reply({
      text: unreachableText(reason, { what: 'the CRM spec', channel, retry: 'crm' }),
    });
    return;
  }
  if (toDm)
    await request.reply({
      text: `The CRM spec and its import files are in your direct messages with sales-ops. Run \`${SLASH_COMMAND} crm\` in a channel to share it with the team.`,
    });
};
