import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  GlobalShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewClosedAction,
  ViewSubmitAction,
} from '@slack/bolt';

type Handler<Args> = (args: Args) => Promise<void>;

/** Handlers of one kind of payload, by action or callback id. */
class Routes<Args> {
  private readonly handlers = new Map<string, Handler<Args>>();

  constructor(private readonly kind: string) {}

  add(id: string, handler: Handler<Args>): void {
    if (this.handlers.has(id)) throw new Error(`Two ${this.kind} handlers for ${id}: register each id once`);
    this.handlers.set(id, handler);
  }

  /** Runs the handler for `id`; false when nobody registered one. */
  async dispatch(id: string, args: Args): Promise<boolean> {
    const handler = this.handlers.get(id);
    if (!handler) return false;
    await handler(args);
    return true;
  }

  ids(): string[] {
    return [...this.handlers.keys()];
  }
}

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ClosedArgs = SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs;
type ShortcutArgs = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;
type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;
type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The app's slash commands, buttons, modal submissions, modal closes, shortcuts and events, by id. */
export interface AppRoutes {
  command: Routes<CommandArgs>;
  action: Routes<ActionArgs>;
  submit: Routes<SubmitArgs>;
  closed: Routes<ClosedArgs>;
  shortcut: Routes<ShortcutArgs>;
  event: Routes<EventArgs<string>>;
  /** Checks every event passes before its handler runs; one that answers false drops the event. */
  eventGuards: ((args: EventArgs<string>) => Promise<boolean>)[];
}

const byApp = new WeakMap<App, AppRoutes>();

/** The route of a request: its kind's routes and the id they know it by; none for a kind not routed here. */
function routeOf(routes: AppRoutes, args: AnyMiddlewareArgs): (() => Promise<boolean>) | undefined {
  const body = args.body as { type?: unknown; command?: unknown };
  if (typeof body.command === 'string') {
    const command = args as CommandArgs & AllMiddlewareArgs;
    return () => routes.command.dispatch(command.command.command, command);
  }
  switch (body.type) {
    case 'block_actions': {
      const action = args as ActionArgs;
      return () => routes.action.dispatch(action.action.action_id, action);
    }
    case 'view_submission': {
      const submit = args as SubmitArgs;
      return () => routes.submit.dispatch(submit.view.callback_id, submit);
    }
    case 'view_closed': {
      const closed = args as ClosedArgs;
      return () => routes.closed.dispatch(closed.view.callback_id, closed);
    }
    case 'shortcut': {
      const shortcut = args as ShortcutArgs;
      return () => routes.shortcut.dispatch(shortcut.shortcut.callback_id, shortcut);
    }
    case 'event_callback': {
      const event = args as EventArgs<string>;
      return async () => {
        // A guard that drops the event answers for it: nothing else runs.
        for (const guard of routes.eventGuards) if (!(await guard(event))) return true;
        return routes.event.dispatch(event.event.type, event);
      };
    }
    default:
      return undefined;
  }
}

/**
 * Hands a request to its route. Bolt hands a global middleware the same arguments as a listener (`command`,
 * `action`, `view`, `shortcut`, `event`, `ack`, `respond`, `client`, `context`), so the id names the handler
 * as a listener's matcher would; a request nobody routed goes on to Bolt's own listeners.
 */
async function route(routes: AppRoutes, args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const handled = await routeOf(routes, args)?.();
  if (!handled) await args.next();
}

/**
 * The routes of `app`, registering its one global middleware the first time. Bolt runs every registered
 * listener's matchers on every request (copying its middleware and awaiting each chain), so one listener per
 * command, button, modal and event kind was most of Bolt's own work per request; here every request goes
 * through one middleware that looks its id up in a Map, and Bolt's listener loop has nothing to run.
 */
export function routesOf(app: App): AppRoutes {
  const known = byApp.get(app);
  if (known) return known;
  const routes: AppRoutes = {
    command: new Routes('slash command'),
    action: new Routes('button or menu'),
    submit: new Routes('modal submission'),
    closed: new Routes('modal close'),
    shortcut: new Routes('shortcut'),
    event: new Routes('event'),
    eventGuards: [],
  };
  app.use((args) => route(routes, args));
  byApp.set(app, routes);
  return routes;
}

/** The ids `app` handles, by kind (the manifest guard test compares them with manifest.yml). */
export function routedIds(app: App): Record<Exclude<keyof AppRoutes, 'eventGuards'>, string[]> {
  const routes = routesOf(app);
  return {
    command: routes.command.ids(),
    action: routes.action.ids(),
    submit: routes.submit.ids(),
    closed: routes.closed.ids(),
    shortcut: routes.shortcut.ids(),
    event: routes.event.ids(),
  };
}

/** Adds a check every event must pass before its handler runs (only events pay for it, not commands or buttons). */
export function guardEvents(app: App, guard: (args: EventArgs<string>) => Promise<boolean>): void {
  routesOf(app).eventGuards.push(guard);
}

/** Registers the handler of one Events API event type (`app_home_opened`, `message`, …). */
export function onEvent<T extends string>(
  app: App,
  type: T,
  handler: (args: EventArgs<T>) => Promise<void>,
): void {
  // The event's type is the key, so the handler only ever gets events of type T.
  routesOf(app).event.add(type, handler as unknown as Handler<EventArgs<string>>);
}
