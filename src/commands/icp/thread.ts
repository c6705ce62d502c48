import type { App } from '@slack/bolt';
import { parseThreadReply } from '../../engines/icp/input.js';
import { SECTIONS } from '../../engines/icp/sections.js';
import { onEvent } from '../../slack/routing.js';
import type { CommandDeps } from '../types.js';
import { refreshCard } from './card.js';
import { describeSuggestion } from './service.js';

interface ThreadReply {
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts: string;
}

function asThreadReply(event: Record<string, unknown>): ThreadReply | undefined {
  const { channel, user, text, ts, thread_ts: threadTs, subtype, bot_id: botId } = event;
  if (subtype !== undefined || botId !== undefined) return undefined;
  if (typeof channel !== 'string' || typeof user !== 'string' || typeof text !== 'string') return undefined;
  if (typeof ts !== 'string' || typeof threadTs !== 'string' || threadTs === ts) return undefined;
  return { channel, user, text, ts, thread_ts: threadTs };
}

/**
 * A reply in an ICP card's thread that starts with a section's name (`Pain points: slow quoting`) becomes a
 * suggestion on the card. Other talk in the thread is left alone; a malformed suggestion is explained privately.
 */
export function registerIcpThread(app: App, deps: CommandDeps): void {
  onEvent(app, 'message', async ({ event, context, client }) => {
    const reply = asThreadReply(event as unknown as Record<string, unknown>);
    const teamId = context.teamId ?? context.enterpriseId;
    if (!reply || !teamId) return;
    try {
      const slug = await deps.store.icp.slugOfCard(teamId, reply.channel, reply.thread_ts);
      if (!slug) return;
      const parsed = parseThreadReply(reply.text);
      if (!parsed) return;
      const tell = (text: string) =>
        client.chat.postEphemeral({
          channel: reply.channel,
          user: reply.user,
          thread_ts: reply.thread_ts,
          text,
        });
      if (!parsed.ok) {
        await tell(`I could not read that as a suggestion: ${parsed.problem}.`);
        return;
      }
      const p = parsed.value;
      const saved = await deps.store.icp.suggest(teamId, slug, {
        section: p.section,
        ...('range' in p ? { range: p.range } : { add: p.add }),
        by: reply.user,
        at: deps.now().toISOString(),
      });
      await refreshCard(client, deps.store, teamId, slug, deps.logger);
      await tell(
        `Your suggestion for ${SECTIONS[p.section].title} (${describeSuggestion(saved)}) is on the card until an editor accepts or dismisses it.`,
      );
    } catch (error) {
      deps.metrics.errors.inc({ source: 'icp_thread' });
      deps.logger.error({ err: error, teamId }, 'could not take an ICP suggestion from a thread reply');
    }
  });
}
