import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from '../../blocks/format.js';
import { LIMITS } from '../../blocks/limits.js';
import { describeValue, SECTION_IDS, SECTIONS } from '../../engines/icp/sections.js';
import { icpSlug } from '../../store/icp.js';
import type { IcpVersion, Store } from '../../store/index.js';
import { SLASH_COMMAND } from '../ids.js';
import { MAX_BUSINESS_LENGTH, unreachableReason } from '../intake/index.js';
import type { CommandHandler, CommandRequest } from '../types.js';
import { postCard } from './card.js';
import { ensureDraft, resolveBusiness } from './service.js';

/** Versions `icp history` lists, newest first. */
const SHOWN_VERSIONS = 10;

const slackDate = (iso: string) =>
  `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short}|${iso.slice(0, 10)}>`;

function versionText(v: IcpVersion): string {
  const who = v.contributors.length === 0 ? 'no changes' : v.contributors.map((u) => `<@${u}>`).join(', ');
  const lines = SECTION_IDS.map((id) => {
    const value = describeValue(id, v.values);
    return `${SECTIONS[id].title}: ${value.length === 0 ? '—' : escapeMrkdwn(value.join(', '))}`;
  });
  return truncate(
    [
      `*Version ${v.version}* · finalized by <@${v.finalizedBy}> on ${slackDate(v.finalizedAt)} · contributors: ${who}`,
      ...lines,
    ].join('\n'),
    LIMITS.sectionText,
  );
}

async function history(request: CommandRequest, store: Store, business: string): Promise<void> {
  const versions = await store.icp.history(request.teamId, icpSlug(business));
  if (versions.length === 0) {
    await request.reply({
      text: `The ${escapeMrkdwn(business)} ICP has no finalized version yet. Run \`${SLASH_COMMAND} icp\` to open the card, then press *Finalize* when the team agrees.`,
    });
    return;
  }
  const shown = versions.slice(-SHOWN_VERSIONS).reverse();
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`ICP history: ${business}`, LIMITS.headerText) },
    },
    ...shown.map((v): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: versionText(v) } })),
  ];
  if (versions.length > shown.length)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${versions.length - shown.length} older versions are kept too.` }],
    });
  await request.reply({ text: `${versions.length} finalized versions of the ${business} ICP`, blocks });
}

/** `/sales-ops icp [business]` posts the team's ICP card here (or brings it back down); `icp history` lists versions. */
export const icp: CommandHandler = async (request, deps) => {
  const text = request.args.trim();
  const [word = '', ...rest] = text.split(' ');
  const wantsHistory = word.toLowerCase() === 'history';
  const named = (wantsHistory ? rest.join(' ') : text)
    .replace(/^["'\u201c\u2018]|["'\u201d\u2019]$/g, '')
    .trim();
  if (named.length > MAX_BUSINESS_LENGTH) {
    await request.reply({
      text: `That business name is ${named.length} characters long; the limit is ${MAX_BUSINESS_LENGTH}. Use the name your profile has, e.g. \`${SLASH_COMMAND} icp Acme\`.`,
    });
    return;
  }
  const business = await resolveBusiness(deps.store, request.teamId, named === '' ? undefined : named);
  if (wantsHistory) return history(request, deps.store, business);
  if (request.channelId === undefined) {
    await request.reply({
      text: `Run \`${SLASH_COMMAND} icp\` in the channel where the team should see the ICP card.`,
    });
    return;
  }
  const draft = await ensureDraft(deps.store, request, business, deps.now());
  try {
    await postCard(request.client, deps.store, request.teamId, draft, request.channelId);
  } catch (error) {
    if (unreachableReason(error) === undefined) throw error;
    await request.reply({
      text: `I could not post the ICP card here: I am not a member of this conversation. Type \`/invite @sales-ops\` and run \`${SLASH_COMMAND} icp\` again. The draft is kept.`,
    });
  }
};
