import { z } from 'zod';
import type { UserRecord } from '../state.js';
import { fail, type MethodContext, type MethodHandler, ok, withArgs } from './common.js';

/** A time zone's offset from UTC in seconds at an instant, and its long name (e.g. "Central European Summer Time"). */
export function zoneAt(timeZone: string, atMs: number): { offsetSeconds: number; label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
      .formatToParts(atMs)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offsetSeconds = match
    ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60)
    : 0;
  return { offsetSeconds, label: part('long') };
}

/** A user the way users.info describes one. */
export function userObject(user: UserRecord, ctx: MethodContext): Record<string, unknown> {
  const zone = zoneAt(user.tz, ctx.now);
  const [first = '', ...rest] = user.realName.split(' ');
  return {
    id: user.id,
    team_id: ctx.state.workspace.teamId,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    tz: user.tz,
    tz_label: zone.label,
    tz_offset: zone.offsetSeconds,
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(ctx.now / 1000),
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      first_name: first,
      last_name: rest.join(' '),
      team: ctx.state.workspace.teamId,
      ...(user.email !== undefined && { email: user.email }),
    },
  };
}

const authTest: MethodHandler = (_args, ctx) => {
  const ws = ctx.state.workspace;
  return ok({
    url: `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName,
    user: ws.botName,
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    app_id: ws.appId,
    is_enterprise_install: false,
  });
};

const usersInfo = withArgs(z.looseObject({ user: z.string().default('') }), (args, ctx) => {
  const user = ctx.state.users.get(args.user);
  return user ? ok({ user: userObject(user, ctx) }) : fail('user_not_found');
});

/** Slack's cursors are opaque base64 strings; this one names the first user of the next page. */
const userCursor = (id: string) => Buffer.from(`user:${id}`, 'utf8').toString('base64');
const cursorUser = (cursor: string) =>
  Buffer.from(cursor, 'base64')
    .toString('utf8')
    .replace(/^user:/, '');

/**
 * users.list as Slack pages it: members in id order, `limit` a page (Slack's default when 0 or absent is
 * the whole workspace, capped here at 1000) and `response_metadata.next_cursor` while more follow.
 */
const usersList = withArgs(
  z.looseObject({ limit: z.coerce.number().int().min(0).default(0), cursor: z.string().optional() }),
  (args, ctx) => {
    const all = [...ctx.state.users.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let start = 0;
    if (args.cursor) {
      start = all.findIndex((u) => u.id === cursorUser(args.cursor ?? ''));
      if (start < 0) return fail('invalid_cursor');
    }
    const size = args.limit === 0 ? 1000 : Math.min(args.limit, 1000);
    const members = all.slice(start, start + size);
    const next = all[start + size];
    return ok({
      members: members.map((u) => userObject(u, ctx)),
      cache_ts: Math.floor(ctx.now / 1000),
      response_metadata: { next_cursor: next === undefined ? '' : userCursor(next.id) },
    });
  },
);

/** auth.test, users.info and users.list. */
export const teamMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.list': usersList,
};
