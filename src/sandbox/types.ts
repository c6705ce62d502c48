import type { ViewOutput } from '@slack/bolt';

/** Anything a Web API method answers, as JSON: `{ ok: true, … }` or `{ ok: false, error, … }`. */
export type Reply = { ok: boolean; error?: string } & Record<string, unknown>;

/** One Web API call the stand-in answered. */
export interface RecordedCall {
  method: string;
  /** The decoded arguments (JSON-encoded form fields such as `blocks` and `view` already parsed). */
  args: Record<string, unknown>;
  response: Reply;
  /** HTTP status: 200 for every method result, 429 when rate limited. */
  status: number;
  /** The stand-in's clock, in milliseconds. */
  at: number;
}

/** Slack's message metadata: an event type and its payload. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A message as Slack stores it, plus `channel` and the stand-in's `ephemeral` marks. */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  user: string;
  text: string;
  team: string;
  bot_id?: string;
  app_id?: string;
  blocks?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  metadata?: MessageMetadata;
  files?: { id: string; name: string; title: string }[];
  edited?: { user: string; ts: string };
  /** True for chat.postEphemeral and ephemeral response_url replies; Slack never lists these in history. */
  ephemeral: boolean;
  /** The only person who sees an ephemeral message. */
  ephemeralTo?: string;
}

/** A file uploaded through files.getUploadURLExternal, the upload URL and files.completeUploadExternal. */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  /** The byte length the uploader declared to files.getUploadURLExternal. */
  length: number;
  content: Buffer;
  mimetype: string;
  filetype: string;
  user: string;
  /** Unix seconds. */
  created: number;
  uploaded: boolean;
  completed: boolean;
  channels: string[];
  thread_ts?: string;
  initial_comment?: string;
}

/** What a POST to a response_url did. */
export type ResponseEffect = 'ephemeral' | 'in_channel' | 'replaced' | 'deleted' | 'rejected';

/** One POST the app made to a response_url. */
export interface RecordedResponse {
  url: string;
  body: unknown;
  status: number;
  effect: ResponseEffect;
  /** The message it posted or replaced, when it did. */
  message?: StoredMessage;
  at: number;
}

/** An open modal: its views bottom to top, and what the app's last view_submission ack did to it. */
export interface ViewStack {
  userId: string;
  rootViewId: string;
  views: ViewOutput[];
  /** Inline errors from the latest `response_action: 'errors'` ack, by block_id. */
  errors: Record<string, string>;
  /** Why the latest ack could not be applied (an invalid view, a fourth view), as Slack would show it. */
  ackProblems: string[];
}

/** The app's answer to a signed request the stand-in sent. */
export interface AppReply {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the app answered JSON; otherwise the text ('' for an empty ack). */
  body: unknown;
  elapsedMs: number;
}

/**
 * How to sign a request to the app: correctly (default), with a wrong secret, too old, too far in the
 * future, or correctly but with a timestamp in milliseconds instead of seconds.
 */
export interface SendOptions {
  signature?: 'valid' | 'bad' | 'stale' | 'future' | 'milliseconds';
  /** Marks the request as Slack's retry number N, with `X-Slack-Retry-Num` and `X-Slack-Retry-Reason`. */
  retry?: { num: number; reason: string };
}

/** A fault to inject into the next call of one method. */
/**
 * An injected fault: a 429 with Retry-After, a Slack error, or a call that is carried out and then
 * answered badly: its response lost (the connection dropped), never sent, or replaced by a 5xx status.
 */
export type Fault =
  | { status: 429; retryAfter: number }
  | { error: string }
  | { after: 'lose' }
  | { after: 'hang' }
  | { after: 'status'; status: number };

/** Chances (0 to 1) that a call of a method meets each fault, drawn anew for every call. */
export interface FaultRates {
  rateLimit?: number;
  /** Carried out, then the connection is dropped before any answer. */
  lose?: number;
  /** Carried out, then answered 503. */
  unavailable?: number;
  /** Retry-After of the random 429s, in seconds (default 1). */
  retryAfter?: number;
}

/** A workspace member. */
export interface UserFixture {
  id: string;
  name: string;
  /** IANA time zone; 'UTC' when omitted. */
  tz?: string;
  realName?: string;
  email?: string;
  isBot?: boolean;
  /** users.info `is_admin`; false when omitted. */
  isAdmin?: boolean;
  /** users.info `is_owner`; false when omitted. */
  isOwner?: boolean;
}

/** A conversation in the workspace. */
export interface ChannelFixture {
  id: string;
  name: string;
  /** Defaults to true. */
  botIsMember?: boolean;
  isPrivate?: boolean;
  /** Members other than the bot; when omitted every known user counts as a member. */
  members?: string[];
}
