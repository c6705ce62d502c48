import type { ViewOutput } from '@slack/bolt';
import type { SlackStandIn } from './stand-in.js';
import type { DueJob } from './time-travel.js';
import type { ChannelFixture, StoredMessage, UserFixture } from './types.js';

/** A message as the page draws it. */
export interface PageMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks: unknown[];
  ephemeral: boolean;
  threadTs?: string;
  edited: boolean;
  files: { id: string; name: string; title: string; mimetype: string; size: number }[];
}

/** An open modal: its views bottom to top, the app's inline errors and what Slack would refuse to show. */
export interface PageModal {
  views: ViewOutput[];
  errors: Record<string, string>;
  ackProblems: string[];
}

/** Everything one person sees on the page at one moment. */
export interface PageState {
  me: string;
  people: { id: string; name: string; realName: string }[];
  names: Record<string, string>;
  channel: { id: string; name: string };
  channelMessages: PageMessage[];
  dmMessages: PageMessage[];
  modal: PageModal | null;
  home: ViewOutput | null;
  upcoming: DueJob[];
}

/** What the page state is built from. */
export interface PageSources {
  slack: SlackStandIn;
  people: readonly (UserFixture & { realName: string })[];
  channel: ChannelFixture;
}

function toPage(message: StoredMessage, files: Map<string, PageMessage['files'][number]>): PageMessage {
  return {
    channel: message.channel,
    ts: message.ts,
    user: message.user,
    text: message.text,
    blocks: message.blocks ?? [],
    ephemeral: message.ephemeral,
    ...(message.thread_ts !== undefined &&
      message.thread_ts !== message.ts && { threadTs: message.thread_ts }),
    edited: message.edited !== undefined,
    files: (message.files ?? []).flatMap((f) => {
      const known = files.get(f.id);
      return known ? [known] : [];
    }),
  };
}

/** The page as `userId` sees it: ephemeral messages only when meant for them, their modal and Home tab. */
export function pageState(sources: PageSources, userId: string, upcoming: DueJob[]): PageState {
  const { slack, people, channel } = sources;
  const files = new Map(
    slack
      .files()
      .map((f) => [
        f.id,
        { id: f.id, name: f.name, title: f.title, mimetype: f.mimetype, size: f.content.length },
      ]),
  );
  const visible = (m: StoredMessage) => !m.ephemeral || m.ephemeralTo === userId;
  const stack = slack.views().findLast((s) => s.userId === userId);
  return {
    me: userId,
    people: people.map((p) => ({ id: p.id, name: p.name, realName: p.realName })),
    names: {
      ...Object.fromEntries(people.map((p) => [p.id, p.realName])),
      [slack.botUserId]: 'sales-ops',
    },
    channel: { id: channel.id, name: channel.name },
    channelMessages: slack
      .messages(channel.id)
      .filter(visible)
      .map((m) => toPage(m, files)),
    dmMessages: slack
      .messages(userId)
      .filter(visible)
      .map((m) => toPage(m, files)),
    modal: stack ? { views: stack.views, errors: stack.errors, ackProblems: stack.ackProblems } : null,
    home: slack.homeOf(userId) ?? null,
    upcoming,
  };
}
