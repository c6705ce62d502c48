import { escapeMrkdwn } from '../../blocks/format.js';
import { isStaleTrigger } from '../../slack/stale-trigger.js';
import { profileOverwriteRefusal } from '../icp/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandHandler } from '../types.js';

/** The intake's limit on a business name. */
export const MAX_BUSINESS_LENGTH = 120;

/** `/sales-ops [business]` and `/sales-ops design NAME`: opens the intake modal, pre-filled with the name. */
export const design: CommandHandler = async (request, deps) => {
  const business = request.business?.trim();
  if (business !== undefined && business.length > MAX_BUSINESS_LENGTH) {
    await request.reply({
      text: `That business name is ${business.length} characters long; the limit is ${MAX_BUSINESS_LENGTH}. Try a shorter form, for example \`${SLASH_COMMAND} ${escapeMrkdwn(business.slice(0, 30).trim())}\`.`,
    });
    return;
  }
  if (request.triggerId === undefined) {
    await request.reply({ text: `Run \`${SLASH_COMMAND} YourCompany\` to start the intake.` });
    return;
  }
  const refusal = await profileOverwriteRefusal(deps, request.client, request);
  if (refusal !== undefined) {
    await request.reply({ text: refusal });
    return;
  }
  try {
    await deps.openIntake({
      client: request.client,
      triggerId: request.triggerId,
      teamId: request.teamId,
      userId: request.userId,
      ...(request.channelId ? { channelId: request.channelId } : {}),
      ...(business ? { business } : {}),
    });
  } catch (error) {
    if (isStaleTrigger(error)) {
      await request.reply({
        text: `The intake form took too long to open, so Slack refused it. Run \`${SLASH_COMMAND} ${business ? escapeMrkdwn(business) : 'YourCompany'}\` again.`,
      });
      return;
    }
    throw error;
  }
};
