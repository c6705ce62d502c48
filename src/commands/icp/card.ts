import type { WebClient } from '@slack/web-api';
import { renderIcpCard } from '../../blocks/icp-card.js';
import type { Logger } from '../../logger.js';
import type { IcpDraft, Store } from '../../store/index.js';
import { cardModel } from './service.js';

async function render(store: Store, teamId: string, draft: IcpDraft) {
  return renderIcpCard(cardModel(draft, await store.icp.suggestions(teamId, draft.slug)));
}

/** Posts or updates the thread reply that carries what did not fit on the card; returns its ts. */
async function syncOverflow(
  client: WebClient,
  card: { channel: string; ts: string; overflowTs?: string | undefined },
  overflow: string | undefined,
): Promise<string | undefined> {
  if (overflow === undefined) {
    if (card.overflowTs)
      await client.chat.delete({ channel: card.channel, ts: card.overflowTs }).catch(() => undefined);
    return undefined;
  }
  if (card.overflowTs) {
    await client.chat.update({ channel: card.channel, ts: card.overflowTs, text: overflow, blocks: [] });
    return card.overflowTs;
  }
  const posted = await client.chat.postMessage({ channel: card.channel, thread_ts: card.ts, text: overflow });
  return posted.ts;
}

/**
 * Posts the card at the bottom of `channel`. A card posted before is turned into a pointer to the new one,
 * so there is one live card; replies in the old thread still count as suggestions.
 */
export async function postCard(
  client: WebClient,
  store: Store,
  teamId: string,
  draft: IcpDraft,
  channel: string,
): Promise<{ channel: string; ts: string }> {
  const card = await render(store, teamId, draft);
  const posted = await client.chat.postMessage({ channel, text: card.text, blocks: card.blocks });
  const ts = posted.ts ?? '';
  const old = draft.card;
  if (old) {
    await client.chat
      .update({
        channel: old.channel,
        ts: old.ts,
        text: `The ${draft.business} ICP card moved to a newer message in <#${channel}>.`,
        blocks: [],
      })
      .catch(() => undefined);
  }
  const overflowTs = await syncOverflow(client, { channel, ts }, card.overflow);
  await store.icp.setCard(teamId, draft.slug, { channel, ts, ...(overflowTs ? { overflowTs } : {}) });
  return { channel, ts };
}

/** Refreshes at most this many times in a row while others keep saving. */
const MAX_REFRESHES = 3;

/**
 * Updates the card everyone sees (chat.update) from the latest stored draft. Two saves can refresh at once and
 * land out of order, so after updating it checks the draft did not move on meanwhile, and updates again if it did.
 * Logs and goes on when the card is gone.
 */
export async function refreshCard(
  client: WebClient,
  store: Store,
  teamId: string,
  slug: string,
  logger: Logger,
): Promise<void> {
  try {
    for (let round = 0; round < MAX_REFRESHES; round++) {
      const draft = await store.icp.get(teamId, slug);
      if (!draft?.card) return;
      const card = await render(store, teamId, draft);
      await client.chat.update({
        channel: draft.card.channel,
        ts: draft.card.ts,
        text: card.text,
        blocks: card.blocks,
      });
      const overflowTs = await syncOverflow(client, draft.card, card.overflow);
      if (overflowTs !== draft.card.overflowTs) {
        const { overflowTs: _old, ...ref } = draft.card;
        await store.icp.setCard(teamId, slug, { ...ref, ...(overflowTs ? { overflowTs } : {}) });
      }
      const now = await store.icp.get(teamId, slug);
      if (now?.rev === draft.rev) return;
    }
  } catch (error) {
    logger.warn({ err: error, teamId }, 'could not update the ICP card');
  }
}
