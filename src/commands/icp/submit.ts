import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import {
  formatRange,
  isRangeSection,
  MAX_ITEMS,
  type Range,
  type RangeSectionId,
  SECTIONS,
} from '../../engines/icp/sections.js';
import type { Logger } from '../../logger.js';
import { onView } from '../../slack/listener.js';
import { ICP_VIEW } from '../../views/icp/ids.js';
import {
  parseSectionSubmission,
  readSectionMetadata,
  type SectionModalMetadata,
} from '../../views/icp/section-modal.js';
import type { CommandDeps } from '../types.js';
import { refreshCard } from './card.js';

/** The first input block of the modal, where errors about the whole form go. */
const firstBlock = (meta: SectionModalMetadata) =>
  isRangeSection(meta.section) ? ICP_VIEW.minBlock : ICP_VIEW.itemsBlock;

async function nameOf(client: WebClient, userId: string, logger: Logger): Promise<string> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.real_name || info.user?.name || userId;
  } catch (error) {
    logger.warn({ err: error }, 'users.info failed; naming the person by id');
    return userId;
  }
}

function conflictText(
  section: RangeSectionId,
  current: Range | undefined,
  name: string,
  at: string | undefined,
): string {
  const value = current ? formatRange(section, current) : 'something else';
  const when = at ? ` at ${at.slice(11, 16)} UTC` : '';
  return `${name} saved ${value}${when}, after you opened this form. Submit again to replace it with yours, or Cancel to keep theirs.`;
}

/** Saves the edit and suggest modal: inline errors for bad input and for a range someone else changed meanwhile. */
export function registerIcpSubmissions(app: App, deps: CommandDeps): void {
  onView(app, deps, ICP_VIEW.callbackId, {
    errorBlock: (view) => firstBlock(readSectionMetadata(view.private_metadata)),
    async check(ctx, view) {
      const { teamId, userId } = ctx;
      const meta = readSectionMetadata(view.private_metadata);
      const errorOn = (text: string) => ({ errors: { [firstBlock(meta)]: text } });
      const change = parseSectionSubmission(view.state.values, meta);
      if (!change.ok) return { errors: change.errors };
      const icp = deps.store.icp;
      if (!(await icp.get(teamId, meta.slug)))
        return errorOn('This ICP no longer exists; run /sales-ops icp to start it again');
      const at = deps.now();
      if (meta.mode === 'suggest') {
        await icp.suggest(teamId, meta.slug, {
          section: meta.section,
          ...(change.kind === 'range' ? { range: change.range } : { add: change.add }),
          by: userId,
          at: at.toISOString(),
        });
      } else if (change.kind === 'list' && !isRangeSection(meta.section)) {
        const edit = await icp.editList(teamId, meta.slug, meta.section, change, { by: userId, at });
        if (!edit.ok)
          return errorOn(
            `With the items others added meanwhile, ${SECTIONS[meta.section].title} would have ${edit.tooMany} items; the limit is ${MAX_ITEMS}. Remove ${edit.tooMany - MAX_ITEMS} and save again`,
          );
      } else if (change.kind === 'range' && isRangeSection(meta.section)) {
        const expected = (await icp.conflictSeen(teamId, meta.slug, view.id)) ?? meta.version;
        const set = await icp.setRange(teamId, meta.slug, meta.section, change.range, {
          by: userId,
          at,
          expected,
        });
        if (!set.ok) {
          await icp.noteConflictSeen(teamId, meta.slug, view.id, set.version);
          const name = set.by ? await nameOf(ctx.client, set.by, deps.logger) : 'Someone';
          return errorOn(conflictText(meta.section, set.current, name, set.at));
        }
      }
      return { ok: meta.slug };
    },
    async after(ctx, slug) {
      await refreshCard(ctx.client, deps.store, ctx.teamId, slug, deps.logger);
    },
  });
}
