import type { ViewOutput } from '@slack/bolt';
import { TsClock, triggerId } from './ids.js';
import type { ChannelFixture, RecordedResponse, StoredFile, StoredMessage, UserFixture } from './types.js';

/** The workspace the stand-in pretends to be, and the app installed in it. */
export interface Workspace {
  teamId: string;
  teamDomain: string;
  teamName: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
  signingSecret: string;
}

/** A workspace member with every default filled in. */
export type UserRecord = Required<Omit<UserFixture, 'email'>> & { email?: string };

/** A conversation: a channel, or the bot's DM with one person. */
export interface ChannelRecord {
  id: string;
  name: string;
  botIsMember: boolean;
  isPrivate: boolean;
  isIm: boolean;
  /** The other side of a direct message. */
  user?: string;
  members?: string[];
  created: number;
}

/** A trigger_id handed out with an interaction: single use, short-lived. */
export interface TriggerRecord {
  userId: string;
  issuedAt: number;
  used: boolean;
  /** The view the interaction came from, so views.push knows which modal to stack on. */
  viewId?: string;
}

/** An open modal: the ids of its views, bottom to top. */
export interface StackRecord {
  userId: string;
  rootViewId: string;
  viewIds: string[];
  errors: Record<string, string>;
  ackProblems: string[];
}

/** A response_url handed out with an interaction, and how often it was used. */
export interface ResponseUrlRecord {
  channel: string;
  userId: string;
  createdAt: number;
  uses: number;
  /** The message an interaction came from, which replace_original and delete_original act on. */
  original?: { channel: string; ts: string };
}

/** Everything the stand-in knows: the workspace fixture and what the app has done in it. */
export class SandboxState {
  readonly users = new Map<string, UserRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly tokens = new Set<string>();
  messages: StoredMessage[] = [];
  files = new Map<string, StoredFile>();
  views = new Map<string, ViewOutput>();
  stacks: StackRecord[] = [];
  homes = new Map<string, string>();
  triggers = new Map<string, TriggerRecord>();
  responseUrls = new Map<string, ResponseUrlRecord>();
  responses: RecordedResponse[] = [];
  readonly ts = new TsClock();

  constructor(readonly workspace: Workspace) {}

  /** Adds or replaces a workspace member. */
  addUser(u: UserFixture): void {
    const record: UserRecord = {
      id: u.id,
      name: u.name,
      tz: u.tz ?? 'UTC',
      realName: u.realName ?? u.name,
      isBot: u.isBot ?? false,
      isAdmin: u.isAdmin ?? false,
      isOwner: u.isOwner ?? false,
      ...(u.email !== undefined && { email: u.email }),
    };
    this.users.set(u.id, record);
  }

  /** Adds or replaces a channel. */
  addChannel(c: ChannelFixture, nowMs: number): void {
    this.channels.set(c.id, {
      id: c.id,
      name: c.name.replace(/^#/, ''),
      botIsMember: c.botIsMember ?? true,
      isPrivate: c.isPrivate ?? false,
      isIm: false,
      ...(c.members !== undefined && { members: c.members }),
      created: Math.floor(nowMs / 1000),
    });
  }

  /** Finds a conversation by id, by name (with or without #), or by user id, opening the bot's DM with that user. */
  resolveChannel(ref: string, nowMs: number): ChannelRecord | undefined {
    const direct = this.channels.get(ref);
    if (direct) return direct;
    const name = ref.replace(/^#/, '');
    for (const channel of this.channels.values()) if (!channel.isIm && channel.name === name) return channel;
    if (this.users.has(ref)) return this.openDm(ref, nowMs);
    return undefined;
  }

  /** The bot's direct-message conversation with a user, created on first use. */
  openDm(userId: string, nowMs: number): ChannelRecord {
    const id = `D${userId.replace(/^[UW]/, '')}`;
    const existing = this.channels.get(id);
    if (existing) return existing;
    const dm: ChannelRecord = {
      id,
      name: userId,
      botIsMember: true,
      isPrivate: true,
      isIm: true,
      user: userId,
      created: Math.floor(nowMs / 1000),
    };
    this.channels.set(id, dm);
    return dm;
  }

  /** Whether a user may see a conversation (for ephemeral messages). */
  isMember(channel: ChannelRecord, userId: string): boolean {
    if (channel.isIm) return channel.user === userId;
    return channel.members ? channel.members.includes(userId) : this.users.has(userId);
  }

  /** A visible (non-ephemeral) message by channel and ts. */
  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeral);
  }

  /** Issues a fresh trigger id for an interaction by `userId`. */
  issueTrigger(userId: string, nowMs: number, viewId?: string): string {
    const id = triggerId(nowMs);
    this.triggers.set(id, { userId, issuedAt: nowMs, used: false, ...(viewId !== undefined && { viewId }) });
    return id;
  }

  /** The stack holding a view, if the view is part of an open modal. */
  stackOf(viewId: string): StackRecord | undefined {
    return this.stacks.find((s) => s.viewIds.includes(viewId));
  }

  /** Forgets everything the app did; the workspace fixture (users, channels, tokens) stays. */
  reset(): void {
    this.messages = [];
    this.files = new Map();
    this.views = new Map();
    this.stacks = [];
    this.homes = new Map();
    this.triggers = new Map();
    this.responseUrls = new Map();
    this.responses = [];
    for (const [id, channel] of this.channels) if (channel.isIm) this.channels.delete(id);
  }
}
