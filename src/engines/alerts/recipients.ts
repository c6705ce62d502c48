/** A workspace member as users.list describes one, reduced to what owner matching reads. */
export interface DirectoryMember {
  id: string;
  email?: string | undefined;
  /** Real name, display name and user name, as Slack has them. */
  names: readonly string[];
  /** IANA time zone from the member's Slack profile. */
  tz?: string | undefined;
}

/** Where one owner's alerts go. */
export type Recipient =
  | { kind: 'user'; id: string; tz?: string | undefined; via: 'mapping' | 'email' | 'name' | 'id' }
  | { kind: 'channel'; id: string };

export interface RecipientPlan {
  /** Owner as imported → where the owner's alerts go; owners with nowhere to go are left out. */
  byOwner: Map<string, Recipient>;
  /** Owners matched to nobody, in name order: an admin maps them (`/sales-ops alerts map`). */
  unmatched: string[];
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

function uniqueIndex(members: readonly DirectoryMember[], keysOf: (m: DirectoryMember) => string[]) {
  const index = new Map<string, DirectoryMember | null>();
  for (const member of members) {
    for (const key of new Set(
      keysOf(member)
        .map(normalise)
        .filter((k) => k !== ''),
    )) {
      // Two people with the same name match neither: a wrong DM is worse than the channel.
      index.set(key, index.has(key) ? null : member);
    }
  }
  return index;
}

/**
 * Matches each owner to a Slack user: an admin's mapping first, then a user id as is, then the e-mail,
 * then exactly one member with that name; an owner matched to nobody goes to the alert channel when the
 * team set one, and is listed as unmatched either way.
 */
export function planRecipients(input: {
  owners: Iterable<string>;
  directory: readonly DirectoryMember[];
  /** Admin mappings, owner as imported → user id; they win over any match. */
  mappings: ReadonlyMap<string, string>;
  alertChannel?: string | undefined;
}): RecipientPlan {
  const byEmail = uniqueIndex(input.directory, (m) => (m.email ? [m.email] : []));
  const byName = uniqueIndex(input.directory, (m) => [...m.names]);
  const byId = new Map(input.directory.map((m) => [m.id, m]));
  const mapped = new Map([...input.mappings].map(([owner, id]) => [normalise(owner), id]));
  const byOwner = new Map<string, Recipient>();
  const unmatched: string[] = [];
  for (const owner of new Set(input.owners)) {
    const key = normalise(owner);
    const mapping = mapped.get(key);
    const email = byEmail.get(key);
    const name = byName.get(key);
    let recipient: Recipient | undefined;
    if (mapping !== undefined)
      recipient = { kind: 'user', id: mapping, tz: byId.get(mapping)?.tz, via: 'mapping' };
    else if (USER_ID.test(owner.trim()))
      recipient = { kind: 'user', id: owner.trim(), tz: byId.get(owner.trim())?.tz, via: 'id' };
    else if (email) recipient = { kind: 'user', id: email.id, tz: email.tz, via: 'email' };
    else if (name) recipient = { kind: 'user', id: name.id, tz: name.tz, via: 'name' };
    if (recipient === undefined) {
      unmatched.push(owner);
      if (input.alertChannel !== undefined) byOwner.set(owner, { kind: 'channel', id: input.alertChannel });
    } else byOwner.set(owner, recipient);
  }
  unmatched.sort((a, b) => a.localeCompare(b));
  return { byOwner, unmatched };
}
