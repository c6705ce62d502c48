import { WebAPIPlatformError } from '@slack/web-api';
import { escapeMrkdwn } from '../../slack/reply.js';
import { profileOverwriteRefusal } from '../icp/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandHandler } from '../types.js';

/** The intake's limit on a business name. */
export const MAX_BUSINESS_LENGTH = 120;

/** Slack refuses a trigger that is older than three seconds or was already used. */
const STALE_TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

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
    if (error instanceof WebAPIPlatformError && STALE_TRIGGER_ERRORS.has(error.data.error)) {
      await request.reply({
        text: `The intake form took too long to open, so Slack refused it. Run \`${SLASH_COMMAND} ${business ? escapeMrkdwn(business) : 'YourCompany'}\` again.`,
      });
      return;
    }
    throw error;
  }
};
