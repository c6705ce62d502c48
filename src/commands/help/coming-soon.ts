import type { CommandHandler } from '../types.js';
import { SLASH_COMMAND } from './command.js';

/** What works in Slack today, named in every "not built yet" reply. */
export const WORKS_TODAY = `\`${SLASH_COMMAND} YourCompany\` designs your sales operations blueprint, \`${SLASH_COMMAND} pipeline\` and \`${SLASH_COMMAND} crm\` give the pipeline and the CRM spec from it, and \`${SLASH_COMMAND} help\` lists every command.`;

/** A handler that says plainly the feature is not built yet, shows no made-up result, and names what works. */
export function comingSoon(feature: string, command: string): CommandHandler {
  return async (request) => {
    await request.reply({
      text: `*${feature}* (\`${SLASH_COMMAND} ${command}\`) is not available yet, so nothing was calculated. What works today: ${WORKS_TODAY}`,
    });
  };
}
