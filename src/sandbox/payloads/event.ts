import { randomBytes } from 'node:crypto';
import type { EnvelopedEvent } from '@slack/bolt';
import { slackId } from '../ids.js';
import type { Json } from '../json.js';
import type { MethodContext } from '../methods/common.js';
import { actionTs, VERIFICATION_TOKEN } from './common.js';

/** Wraps an event in the Events API `event_callback` envelope, adding `event_ts` when missing. */
export function eventEnvelope(ctx: MethodContext, event: Json & { type: string }): EnvelopedEvent<Json> {
  const ws = ctx.state.workspace;
  return {
    token: VERIFICATION_TOKEN,
    team_id: ws.teamId,
    context_team_id: ws.teamId,
    api_app_id: ws.appId,
    event: { event_ts: actionTs(ctx), ...event },
    type: 'event_callback',
    event_id: slackId('Ev'),
    event_time: Math.floor(ctx.now / 1000),
    is_ext_shared_channel: false,
    authorizations: [
      {
        enterprise_id: null,
        team_id: ws.teamId,
        user_id: ws.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
  };
}

/** The `url_verification` request Slack sends when an Events URL is saved. */
export function urlVerification(): { token: string; challenge: string; type: 'url_verification' } {
  return {
    token: VERIFICATION_TOKEN,
    challenge: randomBytes(24).toString('base64url'),
    type: 'url_verification',
  };
}

/** An `app_home_opened` event for the Home tab, carrying the person's current Home view if there is one. */
export function appHomeOpened(ctx: MethodContext, userId: string): Json & { type: string } {
  const viewId = ctx.state.homes.get(userId);
  const view = viewId === undefined ? undefined : ctx.state.views.get(viewId);
  return {
    type: 'app_home_opened',
    user: userId,
    channel: ctx.state.openDm(userId, ctx.now).id,
    tab: 'home',
    ...(view && { view }),
  };
}
