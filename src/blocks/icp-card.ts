import type { KnownBlock } from '@slack/types';
import { ICP_ACTIONS } from '../views/icp/ids.js';
import { truncate } from './format.js';
import { blockTextLength, LIMITS, MAX_MESSAGE_BLOCK_TEXT } from './limits.js';

/** One section as the card shows it. */
export interface IcpCardSection {
  id: string;
  title: string;
  /** The value as lines: items, or the range; empty when nothing is set. */
  lines: string[];
  contributors: string[];
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
}

export interface IcpCardSuggestion {
  id: string;
  sectionTitle: string;
  text: string;
  by: string;
}

/** Everything the card shows; built from the stored draft by the ICP service. */
export interface IcpCardModel {
  business: string;
  slug: string;
  version: number;
  createdBy: string;
  finalized?: { version: number; by: string; at: string } | undefined;
  sections: IcpCardSection[];
  suggestions: IcpCardSuggestion[];
}

export interface IcpCard {
  text: string;
  blocks: KnownBlock[];
  /** Full lists that did not fit on the card, for a reply in its thread. */
  overflow?: string;
}

/** Items shown per list when the whole card would pass Slack's limits; the rest go to the thread. */
const SHORT_LIST = 4;
/** Suggestions listed on the card; more are counted. */
const SHOWN_SUGGESTIONS = 5;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const date = (iso: string) =>
  `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short} {time}|${iso.slice(0, 16)}Z>`;

function valueText(section: IcpCardSection, cap: number | undefined): string {
  if (section.lines.length === 0) return '_not set yet_';
  const shown = cap === undefined ? section.lines : section.lines.slice(0, cap);
  const more = section.lines.length - shown.length;
  const lines = shown.map((l) => (section.lines.length === 1 ? escapeText(l) : `• ${escapeText(l)}`));
  if (more > 0) lines.push(`_…and ${more} more, listed in the thread_`);
  return lines.join('\n');
}

function footer(section: IcpCardSection): string {
  const who =
    section.contributors.length === 0
      ? 'no changes in this version'
      : `by ${section.contributors.map((u) => `<@${u}>`).join(', ')}`;
  const when = section.updatedAt ? ` · last change ${date(section.updatedAt)}` : '';
  return `${who}${when}`;
}

function sectionBlocks(m: IcpCardModel, s: IcpCardSection, cap: number | undefined): KnownBlock[] {
  const value = `${m.slug}|${s.id}`;
  return [
    {
      type: 'section',
      block_id: `icp_s_${s.id}`,
      text: { type: 'mrkdwn', text: truncate(`*${s.title}*\n${valueText(s, cap)}`, LIMITS.sectionText) },
      accessory: {
        type: 'button',
        action_id: ICP_ACTIONS.edit,
        text: { type: 'plain_text', text: 'Edit' },
        value,
      },
    },
    {
      type: 'context',
      block_id: `icp_c_${s.id}`,
      elements: [{ type: 'mrkdwn', text: truncate(footer(s), LIMITS.text) }],
    },
    {
      type: 'actions',
      block_id: `icp_a_${s.id}`,
      elements: [
        {
          type: 'overflow',
          action_id: ICP_ACTIONS.sectionMenu,
          options: [
            { text: { type: 'plain_text', text: 'Suggest a change' }, value: `suggest|${value}` },
            { text: { type: 'plain_text', text: 'Edit' }, value: `edit|${value}` },
          ],
        },
      ],
    },
  ];
}

function suggestionBlocks(m: IcpCardModel): KnownBlock[] {
  if (m.suggestions.length === 0) return [];
  const shown = m.suggestions.slice(0, SHOWN_SUGGESTIONS);
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*Open suggestions (${m.suggestions.length})*` } },
  ];
  for (const s of shown) {
    blocks.push({
      type: 'section',
      block_id: `icp_sg_${s.id}`,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${s.sectionTitle}:* ${escapeText(s.text)}\n_suggested by <@${s.by}>_`,
          LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'overflow',
        action_id: ICP_ACTIONS.suggestionMenu,
        options: [
          { text: { type: 'plain_text', text: 'Accept' }, value: `accept|${m.slug}|${s.id}` },
          { text: { type: 'plain_text', text: 'Dismiss' }, value: `dismiss|${m.slug}|${s.id}` },
        ],
      },
    });
  }
  const more = m.suggestions.length - shown.length;
  if (more > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${more} more; accept or dismiss these first.` }],
    });
  return blocks;
}

function headerBlocks(m: IcpCardModel): KnownBlock[] {
  const state = m.finalized
    ? `Version ${m.finalized.version} final (by <@${m.finalized.by}>, ${date(m.finalized.at)}) · editing version ${m.version}`
    : `Draft version ${m.version}`;
  return [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`Ideal customer profile: ${m.business}`, LIMITS.headerText),
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${state} · started by <@${m.createdBy}> · anyone here can edit a section, or suggest a change from its menu or by replying in the thread with the section's name (\`Pain points: slow quoting\`)`,
        },
      ],
    },
  ];
}

function finalizeBlock(m: IcpCardModel): KnownBlock {
  return {
    type: 'actions',
    block_id: 'icp_finalize',
    elements: [
      {
        type: 'button',
        action_id: ICP_ACTIONS.finalize,
        style: 'primary',
        text: { type: 'plain_text', text: `Finalize version ${m.version}` },
        value: m.slug,
      },
    ],
  };
}

function build(m: IcpCardModel, cap: number | undefined): KnownBlock[] {
  return [
    ...headerBlocks(m),
    ...m.sections.flatMap((s) => sectionBlocks(m, s, cap)),
    ...suggestionBlocks(m),
    { type: 'divider' },
    finalizeBlock(m),
  ];
}

/** The team's ICP card: every section with its value, contributors and last change, open suggestions, Finalize. */
export function renderIcpCard(m: IcpCardModel): IcpCard {
  const text = `Ideal customer profile: ${m.business} (version ${m.version})`;
  const full = build(m, undefined);
  const fits =
    blockTextLength(full) <= MAX_MESSAGE_BLOCK_TEXT &&
    m.sections.every((s) => `*${s.title}*\n${valueText(s, undefined)}`.length <= LIMITS.sectionText);
  if (fits) return { text, blocks: full };
  const long = m.sections.filter((s) => s.lines.length > SHORT_LIST);
  const overflow = [
    `*The full lists of ${escapeText(m.business)}'s ICP* (too long for the card):`,
    ...long.map((s) => `*${s.title}*\n${s.lines.map((l) => `• ${escapeText(l)}`).join('\n')}`),
  ].join('\n\n');
  return { text, blocks: build(m, SHORT_LIST), overflow };
}
