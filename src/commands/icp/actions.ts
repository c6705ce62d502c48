import type { App, BlockAction, ButtonAction, OverflowAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { isRangeSection, isSectionId, type SectionId } from '../../engines/icp/sections.js';
import { onAction } from '../../slack/listener.js';
import type { IcpDraft } from '../../store/index.js';
import { ICP_ACTIONS, splitValue } from '../../views/icp/ids.js';
import { sectionModal } from '../../views/icp/section-modal.js';
import type { CommandDeps, Reply } from '../types.js';
import { postCard, refreshCard } from './card.js';
import { mayDecide, whoMayDecide } from './service.js';

interface Acted {
  body: BlockAction;
  value: string;
  client: WebClient;
  reply: Reply;
  teamId: string;
}

/** Registers a button or overflow menu of the card through the listener wrapper, with the value it carries. */
function onIcpAction(app: App, deps: CommandDeps, actionId: string, run: (a: Acted) => Promise<void>): void {
  onAction<ButtonAction | OverflowAction>(app, deps, actionId, async (ctx, action, body) => {
    const value = action.type === 'overflow' ? action.selected_option.value : (action.value ?? '');
    await run({ body, value, client: ctx.client, reply: ctx.reply, teamId: ctx.teamId });
  });
}

const GONE = 'That ICP no longer exists here; run `/sales-ops icp` to start it again.';

async function openSection(
  a: Acted,
  draft: IcpDraft,
  section: SectionId,
  mode: 'edit' | 'suggest',
): Promise<void> {
  const view = sectionModal(section, draft.values, {
    slug: draft.slug,
    mode,
    version: draft.sections[section].version,
    ...(a.body.channel?.id ? { channel: a.body.channel.id } : {}),
  });
  await a.client.views.open({ trigger_id: a.body.trigger_id, view });
}

/** The card's Edit buttons and menus, the suggestions' Accept and Dismiss, Finalize, and the Home's "show card". */
export function registerIcpActions(app: App, deps: CommandDeps): void {
  const load = (teamId: string, slug: string) => deps.store.icp.get(teamId, slug);

  onIcpAction(app, deps, ICP_ACTIONS.edit, async (a) => {
    const [slug = '', section = ''] = splitValue(a.value);
    const draft = await load(a.teamId, slug);
    if (!draft || !isSectionId(section)) return a.reply({ text: GONE });
    await openSection(a, draft, section, 'edit');
  });

  onIcpAction(app, deps, ICP_ACTIONS.sectionMenu, async (a) => {
    const [mode = '', slug = '', section = ''] = splitValue(a.value);
    const draft = await load(a.teamId, slug);
    if (!draft || !isSectionId(section)) return a.reply({ text: GONE });
    await openSection(a, draft, section, mode === 'suggest' ? 'suggest' : 'edit');
  });

  onIcpAction(app, deps, ICP_ACTIONS.suggestionMenu, async (a) => {
    const [choice = '', slug = '', id = ''] = splitValue(a.value);
    const taken = await deps.store.icp.takeSuggestion(a.teamId, slug, id);
    if (!taken) return a.reply({ text: 'Someone already accepted or dismissed that suggestion.' });
    if (choice === 'accept') {
      const at = deps.now();
      const by = { by: a.body.user.id, at, also: taken.by };
      if (taken.range && isRangeSection(taken.section)) {
        const current = await load(a.teamId, slug);
        const expected = current?.sections[taken.section].version ?? 0;
        await deps.store.icp.setRange(a.teamId, slug, taken.section, taken.range, { ...by, expected });
      } else if (!isRangeSection(taken.section)) {
        const edit = await deps.store.icp.editList(
          a.teamId,
          slug,
          taken.section,
          { add: taken.add ?? [], remove: new Set() },
          by,
        );
        if (!edit.ok) {
          await deps.store.icp.suggest(a.teamId, slug, taken);
          return a.reply({
            text: `Accepting would give that section ${edit.tooMany} items, over the limit; edit the section to make room, then accept again.`,
          });
        }
      }
    }
    await refreshCard(a.client, deps.store, a.teamId, slug, deps.logger);
  });

  onIcpAction(app, deps, ICP_ACTIONS.finalize, async (a) => {
    const draft = await load(a.teamId, a.value);
    if (!draft) return a.reply({ text: GONE });
    if (!(await mayDecide(a.client, draft, a.body.user.id, deps.logger)))
      return a.reply({ text: whoMayDecide(draft, 'finalize it') });
    const version = await deps.store.icp.finalize(a.teamId, draft.slug, {
      by: a.body.user.id,
      at: deps.now(),
    });
    if (!version) return a.reply({ text: GONE });
    await refreshCard(a.client, deps.store, a.teamId, draft.slug, deps.logger);
    if (draft.card) {
      await a.client.chat
        .postMessage({
          channel: draft.card.channel,
          thread_ts: draft.card.ts,
          text: `<@${a.body.user.id}> finalized version ${version.version} of the ${draft.business} ICP. Blueprints and qualify scorecards use it from now on; later edits start version ${version.version + 1}.`,
        })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not announce the finalized ICP'));
    }
  });

  onIcpAction(app, deps, ICP_ACTIONS.showCard, async (a) => {
    const draft = await load(a.teamId, a.value);
    if (!draft?.card) return a.reply({ text: GONE });
    const posted = await postCard(a.client, deps.store, a.teamId, draft, draft.card.channel);
    await a.reply({ text: `The ${draft.business} ICP card is back at the bottom of <#${posted.channel}>.` });
  });
}
