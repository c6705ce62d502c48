import type { App, ButtonAction } from '@slack/bolt';
import { type CommandListenerDeps, onAction, onCommand, type RequestContext } from '../slack/listener.js';
import { abtest } from './abtest/index.js';
import { alerts, quota } from './alerts/index.js';
import { crm } from './crm/index.js';
import { digest } from './digest/index.js';
import { help, suggestionMessage } from './help/index.js';
import { icp } from './icp/index.js';
import { QUICK_ACTION_IDS, SLASH_COMMAND } from './ids.js';
import { importCsv } from './import/index.js';
import { design } from './intake/index.js';
import { pipeline } from './pipeline/index.js';
import { qualify } from './qualify/index.js';
import { type Route, routeCommand, type SubcommandName } from './router.js';
import { ooo, sequence } from './sequence/index.js';
import type { CommandDeps, CommandHandler, CommandRequest } from './types.js';

export { QUICK_ACTION_IDS, SLASH_COMMAND } from './ids.js';
export { type Route, routeCommand, SUBCOMMANDS, type SubcommandName } from './router.js';
export type { CommandDeps, CommandHandler, CommandRequest, OpenIntake, OpenIntakeArgs } from './types.js';

/** The handler of each subcommand; replace an entry to ship a feature. */
export const HANDLERS: Record<SubcommandName, CommandHandler> = {
  help,
  design,
  pipeline,
  crm,
  qualify,
  sequence,
  digest,
  import: importCsv,
  icp,
  abtest,
  ooo,
  alerts,
  quota,
};

const QUICK_ACTION_ROUTES: Record<string, SubcommandName> = {
  [QUICK_ACTION_IDS.design]: 'design',
  [QUICK_ACTION_IDS.qualify]: 'qualify',
  [QUICK_ACTION_IDS.pipeline]: 'pipeline',
  [QUICK_ACTION_IDS.crm]: 'crm',
};

/** Runs one routed request; the listener wrapper turns a failure into a reply the person can act on. */
export async function dispatch(route: Route, request: CommandRequest, deps: CommandDeps): Promise<void> {
  deps.metrics.commands.inc({ name: route.name });
  if (route.name === 'suggest') await request.reply(suggestionMessage(route));
  else await HANDLERS[route.name](request, deps);
}

function requestOf(ctx: RequestContext, route: Route): CommandRequest {
  return {
    teamId: ctx.teamId,
    ...(ctx.enterpriseId ? { enterpriseId: ctx.enterpriseId } : {}),
    userId: ctx.userId,
    ...(ctx.channelId ? { channelId: ctx.channelId } : {}),
    ...(ctx.triggerId ? { triggerId: ctx.triggerId } : {}),
    args: route.args,
    ...('business' in route && route.business !== undefined ? { business: route.business } : {}),
    client: ctx.client,
    reply: ctx.reply,
    saved: ctx.saved,
  };
}

/** Registers `/sales-ops` and the quick action buttons that lead to the same subcommands. */
export function register(app: App, deps: CommandDeps & CommandListenerDeps): void {
  onCommand(
    app,
    deps,
    SLASH_COMMAND,
    (command) => routeCommand(command.text).name,
    async (ctx, command) => {
      const route = routeCommand(command.text);
      await dispatch(route, requestOf(ctx, route), deps);
    },
  );

  for (const [actionId, name] of Object.entries(QUICK_ACTION_ROUTES)) {
    // A quick action on the Home tab has no response_url: the answer opens in a small modal.
    onAction<ButtonAction>(
      app,
      deps,
      actionId,
      async (ctx) => dispatch({ name, args: '' }, requestOf(ctx, { name, args: '' }), deps),
      { fallback: 'modal' },
    );
  }
}
