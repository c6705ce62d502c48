import { escapeMrkdwn } from '../../blocks/format.js';
import type { Route } from '../router.js';
import type { ReplyMessage } from '../types.js';
import { SLASH_COMMAND } from './command.js';

/** "Did you mean …?" for a first word that is a near miss of a subcommand, with the way out for a business name. */
export function suggestionMessage(route: Extract<Route, { name: 'suggest' }>): ReplyMessage {
  const args = route.args ? ` ${escapeMrkdwn(route.args)}` : '';
  const typed = escapeMrkdwn(route.word);
  const whole = escapeMrkdwn(route.args ? `${route.word} ${route.args}` : route.word);
  return {
    text: `\`${typed}\` is not a ${SLASH_COMMAND} command. Did you mean \`${SLASH_COMMAND} ${route.suggestion}${args}\`? If "${whole}" is a business, run \`${SLASH_COMMAND} design ${whole}\`. \`${SLASH_COMMAND} help\` lists every command.`,
  };
}
