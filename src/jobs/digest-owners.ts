import type { WebClient } from '@slack/web-api';

/** A workspace member as users.list describes one, reduced to what owner matching reads. */
export interface MemberNames {
  id: string;
  names: string[];
}

const MAX_PAGES = 5;
const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Maps deal owners as a CRM exports them (a name or an e-mail) to Slack user ids: an owner matches when
 * exactly one member has that real name, display name, user name or e-mail. Owners that are already
 * user ids, or that match nobody or several people, are left out.
 */
export function matchOwners(owners: Iterable<string>, members: readonly MemberNames[]): Map<string, string> {
  const byName = new Map<string, Set<string>>();
  for (const member of members) {
    for (const name of member.names) {
      const key = normalise(name);
      if (key === '') continue;
      byName.set(key, (byName.get(key) ?? new Set()).add(member.id));
    }
  }
  const found = new Map<string, string>();
  for (const owner of owners) {
    const ids = byName.get(normalise(owner));
    const [only] = ids ?? [];
    if (ids?.size === 1 && only !== undefined) found.set(owner, only);
  }
  return found;
}

/**
 * Reads the workspace's people (users.list, a few pages at most) and matches the owners to them. Best
 * effort: when Slack refuses the list, the digest names owners as imported instead of mentioning them.
 */
export async function ownerIdsFor(
  client: WebClient,
  owners: readonly string[],
): Promise<Map<string, string>> {
  const wanted = owners.filter((o) => !/^[UW][A-Z0-9]{2,20}$/.test(o.trim()));
  if (wanted.length === 0) return new Map();
  const members: MemberNames[] = [];
  try {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      for (const m of result.members ?? []) {
        if (!m.id || m.deleted || m.is_bot) continue;
        const names = [m.real_name, m.name, m.profile?.display_name, m.profile?.real_name, m.profile?.email];
        members.push({ id: m.id, names: names.filter((n): n is string => typeof n === 'string') });
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
  } catch {
    return new Map();
  }
  return matchOwners(wanted, members);
}
