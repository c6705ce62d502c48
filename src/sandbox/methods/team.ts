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

/** auth.test and users.info. */
export const teamMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
};
