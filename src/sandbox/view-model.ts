import type { ViewOutput } from '@slack/bolt';
import { withIds } from './block-ids.js';
import { slackId, viewHash } from './ids.js';
import { isRecord, type Json } from './json.js';
import type { Workspace } from './state.js';

type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };

const plain = (value: unknown): PlainText | null =>
  isRecord(value) && typeof value.text === 'string'
    ? { type: 'plain_text', text: value.text, emoji: value.emoji !== false }
    : null;

/** Where a new view sits: its own id, and the modal it belongs to. */
export interface ViewPlacement {
  id?: string;
  rootViewId?: string | null;
  previousViewId?: string | null;
}

/** Turns a view the app sent (already validated) into the view object Slack returns and sends back. */
export function materialize(view: Json, ws: Workspace, nowMs: number, place: ViewPlacement = {}): ViewOutput {
  const id = place.id ?? slackId('V');
  const isModal = view.type === 'modal';
  return {
    id,
    team_id: ws.teamId,
    type: String(view.type),
    // Views reach here only after checkView accepted them, so their blocks are Block Kit blocks.
    blocks: withIds(Array.isArray(view.blocks) ? view.blocks : []) as unknown as ViewOutput['blocks'],
    private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
    state: { values: {} },
    hash: viewHash(nowMs),
    title: plain(view.title) ?? { type: 'plain_text', text: 'View Title', emoji: true },
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    close: isModal ? (plain(view.close) ?? { type: 'plain_text', text: 'Cancel', emoji: true }) : null,
    submit: isModal ? plain(view.submit) : null,
    previous_view_id: place.previousViewId ?? null,
    root_view_id: place.rootViewId ?? id,
    app_id: ws.appId,
    external_id: typeof view.external_id === 'string' ? view.external_id : '',
    app_installed_team_id: ws.teamId,
    bot_id: ws.botId,
  };
}

/** Replaces a view's content in place, keeping its id and position, with a new hash as Slack does. */
export function replaceContent(current: ViewOutput, next: Json, ws: Workspace, nowMs: number): ViewOutput {
  return materialize(next, ws, nowMs, {
    id: current.id,
    rootViewId: current.root_view_id,
    previousViewId: current.previous_view_id,
  });
}
