import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  GlobalShortcut,
  SlackActionMiddlewareArgs,
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

  /** Runs the handler for `id`; an id nobody registered is left unanswered, as Bolt leaves it. */
  async dispatch(id: string, args: Args): Promise<void> {
    await this.handlers.get(id)?.(args);
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

/** The app's buttons, modal submissions, modal closes, shortcuts and events, each kind behind one Bolt listener. */
export interface AppRoutes {
  action: Routes<ActionArgs>;
  submit: Routes<SubmitArgs>;
  closed: Routes<ClosedArgs>;
  shortcut: Routes<ShortcutArgs>;
  event: Routes<EventArgs<string>>;
  /** Checks every event passes before its handler runs; one that answers false drops the event. */
  eventGuards: ((args: EventArgs<string>) => Promise<boolean>)[];
}

const byApp = new WeakMap<App, AppRoutes>();

/**
 * The routes of `app`, registering its four Bolt listeners the first time. Bolt runs the matchers of every
 * registered listener on every request, and with one listener per button, modal and event (about 45) that was
 * most of Bolt's own work per request; here each kind has one listener, and the id is looked up in a Map.
 */
export function routesOf(app: App): AppRoutes {
  const known = byApp.get(app);
  if (known) return known;
  const routes: AppRoutes = {
    action: new Routes('button or menu'),
    submit: new Routes('modal submission'),
    closed: new Routes('modal close'),
    shortcut: new Routes('shortcut'),
    event: new Routes('event'),
    eventGuards: [],
  };
  app.action<BlockAction>({ type: 'block_actions' }, (args) =>
    routes.action.dispatch(args.action.action_id, args),
  );
  // Submissions and closes share one listener: a callback id pattern with no type matches both.
  app.view<ViewSubmitAction | ViewClosedAction>({ callback_id: /(?:)/ }, (args) =>
    args.body.type === 'view_submission'
      ? routes.submit.dispatch(args.view.callback_id, args as SubmitArgs)
      : routes.closed.dispatch(args.view.callback_id, args as ClosedArgs),
  );
  app.shortcut<GlobalShortcut>({ type: 'shortcut' }, (args) =>
    routes.shortcut.dispatch(args.shortcut.callback_id, args),
  );
  app.event(/.*/, async (args) => {
    for (const guard of routes.eventGuards) if (!(await guard(args))) return;
    await routes.event.dispatch(args.event.type, args);
  });
  byApp.set(app, routes);
  return routes;
}

/** The ids `app` handles, by kind (the manifest guard test compares them with manifest.yml). */
export function routedIds(app: App): Record<Exclude<keyof AppRoutes, 'eventGuards'>, string[]> {
  const routes = routesOf(app);
  return {
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
