import { extname } from 'node:path';
import type { UploadedFile } from '@slack/bolt';
import { z } from 'zod';
import { slackId } from '../ids.js';
import { storeMessage } from '../message-content.js';
import type { SandboxState } from '../state.js';
import type { StoredFile } from '../types.js';
import type { UploadInput } from '../view-state.js';
import { fail, int, type MethodContext, type MethodHandler, ok, withArgs } from './common.js';

const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
  yml: 'application/x-yaml',
  yaml: 'application/x-yaml',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** A new, not yet uploaded file record with Slack's filetype and mimetype for its name. */
export function newFile(
  state: SandboxState,
  name: string,
  length: number,
  user: string,
  nowMs: number,
): StoredFile {
  const filetype = extname(name).slice(1).toLowerCase() || 'binary';
  const file: StoredFile = {
    id: slackId('F'),
    name,
    title: name,
    length,
    content: Buffer.alloc(0),
    mimetype: MIME_TYPES[filetype] ?? 'application/octet-stream',
    filetype,
    user,
    created: Math.floor(nowMs / 1000),
    uploaded: false,
    completed: false,
    channels: [],
  };
  state.files.set(file.id, file);
  return file;
}

/** The private URLs Slack serves a file from; both need the bot token in an Authorization header. */
export function fileUrls(baseUrl: string, teamId: string, file: StoredFile) {
  const base = `${baseUrl}/files-pri/${teamId}-${file.id}`;
  const name = encodeURIComponent(file.name);
  return { url_private: `${base}/${name}`, url_private_download: `${base}/download/${name}` };
}

/** Stores a file a person picked in a file_input and describes it as the view_submission payload does. */
export function personUpload(ctx: MethodContext, userId: string, input: UploadInput): UploadedFile {
  const content = typeof input.content === 'string' ? Buffer.from(input.content) : Buffer.from(input.content);
  const file = newFile(ctx.state, input.name, content.length, userId, ctx.now);
  Object.assign(file, { content, uploaded: true, completed: true });
  const urls = fileUrls(ctx.baseUrl, ctx.state.workspace.teamId, file);
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    filetype: file.filetype,
    mimetype: file.mimetype,
    size: content.length,
    user: userId,
    user_team: ctx.state.workspace.teamId,
    permalink: `https://${ctx.state.workspace.teamDomain}.slack.com/files/${userId}/${file.id}/${encodeURIComponent(file.name)}`,
    ...urls,
  };
}

const getUploadUrl = withArgs(
  z.looseObject({ filename: z.string().min(1), length: int.min(0), alt_text: z.string().optional() }),
  (args, ctx) => {
    const file = newFile(ctx.state, args.filename, args.length, ctx.state.workspace.botUserId, ctx.now);
    return ok({ upload_url: `${ctx.baseUrl}/upload/v1/${file.id}`, file_id: file.id });
  },
);

const completeUpload = withArgs(
  z.looseObject({
    files: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1),
    channel_id: z.string().optional(),
    channels: z.string().optional(),
    thread_ts: z.string().optional(),
    initial_comment: z.string().optional(),
  }),
  (args, ctx) => {
    const stored: StoredFile[] = [];
    for (const { id } of args.files) {
      const file = ctx.state.files.get(id);
      if (!file?.uploaded) return fail('file_not_found');
      stored.push(file);
    }
    const target = args.channel_id ?? args.channels?.split(',')[0];
    const channel = target === undefined ? undefined : ctx.state.resolveChannel(target, ctx.now);
    if (target !== undefined && !channel) return fail('channel_not_found');
    if (channel && !channel.botIsMember) return fail('not_in_channel');
    const parent = channel && args.thread_ts ? ctx.state.findMessage(channel.id, args.thread_ts) : undefined;
    if (channel && args.thread_ts && !parent) return fail('thread_not_found');
    args.files.forEach(({ title }, i) => {
      const file = stored[i];
      if (!file) return;
      file.completed = true;
      if (title) file.title = title;
      if (channel) file.channels = [...new Set([...file.channels, channel.id])];
      if (parent) file.thread_ts = parent.thread_ts ?? parent.ts;
      if (args.initial_comment !== undefined) file.initial_comment = args.initial_comment;
    });
    if (channel)
      storeMessage(ctx.state, ctx.now, {
        channel: channel.id,
        text: args.initial_comment ?? '',
        files: stored.map((f) => ({ id: f.id, name: f.name, title: f.title })),
        ...(parent && { threadTs: parent.thread_ts ?? parent.ts }),
      });
    return ok({ files: stored.map((f) => ({ id: f.id, title: f.title })) });
  },
);

/** files.getUploadURLExternal and files.completeUploadExternal. */
export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
