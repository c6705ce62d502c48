import type { WebClient } from '@slack/web-api';
import type { DirectoryMember } from '../engines/alerts/index.js';

const MAX_PAGES = 10;

/**
 * The workspace's people as alert routing reads them (users.list: e-mail, names, time zone), a few pages
 * at most; bots and deactivated people left out. Best effort: a refusal gives an empty directory, and every
 * owner's alerts then go to the alert channel.
 */
export async function slackDirectory(client: WebClient): Promise<DirectoryMember[]> {
  const members: DirectoryMember[] = [];
  try {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      for (const m of result.members ?? []) {
        if (!m.id || m.deleted || m.is_bot) continue;
        const names = [m.real_name, m.profile?.real_name, m.profile?.display_name, m.name];
        members.push({
          id: m.id,
          email: m.profile?.email,
          names: names.filter((n): n is string => typeof n === 'string' && n !== ''),
          tz: m.tz,
        });
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
  } catch {
    return [];
  }
  return members;
}
