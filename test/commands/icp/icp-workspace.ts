import { expect } from 'vitest';
import type { StoredMessage } from '../../../src/sandbox/types.js';
import { ICP_ACTIONS } from '../../../src/views/icp/ids.js';
import { CHANNEL_ID, REP_ID, useWorkspace, type Workspace } from '../../support/stand-in.js';

export { CHANNEL_ID, TEAM_ID } from '../../support/stand-in.js';

/** Ana (the rep) starts the ICP; Ben is a teammate; Cleo is a workspace admin. */
export const ANA = REP_ID;
export const BEN = 'U0BEN00002';
export const CLEO = 'U0CLEO0003';

/** A workspace with three people in #sales. */
export function useIcpWorkspace(): Workspace {
  return useWorkspace((ws) => {
    ws.slack.addUser({ id: BEN, name: 'ben', realName: 'Ben Ortiz', tz: 'Europe/Paris' });
    ws.slack.addUser({ id: CLEO, name: 'cleo', realName: 'Cleo Admin', tz: 'Europe/Paris', isAdmin: true });
  });
}

export const textOf = (value: unknown) => JSON.stringify(value);

/** The live ICP card in #sales (the newest message with an Edit button). */
export function card(ws: Workspace): StoredMessage {
  const found = ws.slack
    .messages(CHANNEL_ID)
    .filter(
      (m) =>
        !m.ephemeral &&
        (!m.thread_ts || m.thread_ts === m.ts) &&
        textOf(m.blocks ?? []).includes(ICP_ACTIONS.edit),
    )
    .at(-1);
  if (!found) throw new Error('no ICP card in the channel');
  return found;
}

/** Runs `/sales-ops icp …` as `userId` and waits for the card to be posted. */
export async function openCard(ws: Workspace, text = 'icp Acme', userId = ANA): Promise<StoredMessage> {
  const before = ws.slack.calls('chat.postMessage').length;
  await ws.slack.sendSlashCommand({ text, userId, channelId: CHANNEL_ID });
  await expect.poll(() => ws.slack.calls('chat.postMessage').length).toBeGreaterThan(before);
  return card(ws);
}

/** Presses a section's Edit button (or a menu choice) as `userId` and waits for its modal. */
export async function pressEdit(
  ws: Workspace,
  userId: string,
  section: string,
  mode: 'edit' | 'suggest' = 'edit',
) {
  const before = ws.slack.calls('views.open').length;
  const message = { channel: CHANNEL_ID, ts: card(ws).ts };
  if (mode === 'edit') {
    await ws.slack.sendBlockAction({
      userId,
      actionId: ICP_ACTIONS.edit,
      blockId: `icp_s_${section}`,
      message,
    });
  } else {
    const slug = 'acme';
    await ws.slack.sendBlockAction({
      userId,
      actionId: ICP_ACTIONS.sectionMenu,
      blockId: `icp_a_${section}`,
      value: `suggest|${slug}|${section}`,
      message,
    });
  }
  await expect.poll(() => ws.slack.calls('views.open').length).toBeGreaterThan(before);
}

/** The newest text a person was answered with through a response_url. */
export function lastResponse(ws: Workspace): string {
  return textOf(ws.slack.responses().at(-1)?.body ?? '');
}
