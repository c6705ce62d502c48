import { withIcpFit } from '../../blocks/icp-fit.js';
import {
  answersEveryCriterion,
  type InlineQualify,
  readInlineQualify,
  tokenizeQualifyText,
} from '../../engines/qualify-text/index.js';
import { repProfile } from '../../jobs/rep-profile.js';
import { fitBlocks, referenceIcp, takeCompanyFacts } from '../icp/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps, CommandHandler, CommandRequest } from '../types.js';
import { loadWorkspace, type QualifyWorkspace } from './context.js';
import { leadScoreFor, takeContactTitle } from './lead-score.js';
import { openQualifyModal } from './modal.js';
import { recordQualification, scorecardMessage } from './record.js';

function detailsOf(inline: InlineQualify, company: string) {
  return {
    company,
    framework: inline.framework,
    answers: inline.answers,
    domain: inline.domain,
    contact: inline.contact,
    amount: inline.amount,
    source: inline.source,
    theirPain: inline.theirPain,
  };
}

async function openModal(
  request: CommandRequest,
  deps: CommandDeps,
  workspace: QualifyWorkspace,
  inline: InlineQualify,
  triggerId: string,
): Promise<void> {
  const existing =
    inline.company === undefined
      ? undefined
      : await deps.store.leads.find(request.teamId, inline.company, inline.domain);
  // A stored lead pre-fills the form, its answers too when they belong to the same framework.
  const stored = existing?.framework === inline.framework ? existing.answers : {};
  const name = inline.company === undefined ? '' : ` ${inline.company}`;
  const retry = `Run \`${SLASH_COMMAND} qualify${name}\` again.`;
  await openQualifyModal(
    request.client,
    triggerId,
    {
      framework: inline.framework,
      frameworkReason: inline.frameworkGiven ? 'your command' : workspace.choice.reason,
      company: inline.company,
      contact: inline.contact ?? existing?.contact?.name,
      domain: inline.domain ?? existing?.domain,
      amount: inline.amount ?? existing?.amount,
      theirPain: inline.theirPain ?? existing?.theirPain,
      answers: { ...stored, ...inline.answers },
      metadata: {
        framework: inline.framework,
        ...(request.channelId ? { channelId: request.channelId } : {}),
        ...(inline.source ? { source: inline.source } : {}),
      },
    },
    retry,
  );
}

/**
 * `/sales-ops qualify [lead] [key=value …]`: with every criterion answered inline, scores and stores the lead
 * and shows the scorecard; otherwise opens the qualify modal pre-filled with what the text said.
 */
export const qualify: CommandHandler = async (request, deps) => {
  const { facts, tokens: rest } = takeCompanyFacts(tokenizeQualifyText(request.args));
  const { title, tokens } = takeContactTitle(rest);
  const workspace = await loadWorkspace(deps.store, request.teamId);
  // Dates are read in the rep's own time zone; only answers need it, so a bare name skips the lookup.
  const fallbackZone = workspace.timeZone ?? deps.followups.defaultZone;
  const timeZone =
    tokens.pairs.length > 0
      ? (
          await repProfile(
            {
              client: request.client,
              calendars: deps.followups.calendars,
              teamId: request.teamId,
              userId: request.userId,
              logger: deps.logger,
            },
            fallbackZone,
          )
        ).tz
      : fallbackZone;
  const inline = readInlineQualify(tokens, {
    framework: workspace.choice.framework,
    clock: { now: deps.now(), timeZone },
    dealSize: workspace.dealSize,
  });
  if (inline.company !== undefined && answersEveryCriterion(inline)) {
    const { lead, scorecard } = await recordQualification(
      deps,
      {
        teamId: request.teamId,
        userId: request.userId,
        model: workspace.model,
        leadStaleDays: workspace.leadStaleDays,
      },
      detailsOf(inline, inline.company),
    );
    const reference = await referenceIcp(deps.store, request.teamId);
    const fit = fitBlocks(reference, facts);
    const score = leadScoreFor(lead, { reference, facts, title }, deps.now());
    await request.reply(
      withIcpFit(
        scorecardMessage(lead, scorecard, workspace.model, {
          mode: 'rep',
          shareable: request.channelId !== undefined,
        }),
        [...fit, ...score],
      ),
    );
    return;
  }
  if (request.triggerId === undefined) {
    await request.reply({
      text: `Name the lead and answer every criterion inline, e.g. \`${SLASH_COMMAND} qualify Acme budget=50k authority=vp need=high timeline="next quarter"\`.`,
    });
    return;
  }
  await openModal(request, deps, workspace, inline, request.triggerId);
};
