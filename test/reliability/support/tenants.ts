import type { Installation } from '@slack/oauth';
import fc from 'fast-check';

/** One generated workspace: its ids, and names that carry a marker no other workspace's text contains. */
export interface Tenant {
  teamId: string;
  marker: string;
  business: string;
  painPoint: string;
  leads: string[];
  token: string;
}

/** Every workspace has a rep and a channel with these same ids: Slack ids are unique per team only. */
export const SHARED_USER = 'U0SHARED01';
export const SHARED_CHANNEL = 'C0SHARED01';
/** A company every workspace qualifies, with its own contact: same name, same lead id, different teams. */
export const SHARED_COMPANY = 'Acme :*{T1}*: 🚀';

/**
 * The first workspace is always `T1`; the others' ids start with it or differ only by `-` and `_`, as a
 * careless key pattern (`T1*`) would confuse.
 */
const FIRST_ID = 'T1';
const OTHER_IDS = ['T10', 'T1-', 'T1_', 'T1-0', 'T1_0', 'TA', 'TAB'];
const NASTY = [
  ':',
  '*',
  '{',
  '}',
  '{T1}',
  '*:*',
  '?',
  '[a-z]',
  '\\',
  '🚀',
  '👩🏽‍💻',
  'Ünïcødé',
  '"',
  "'",
  '  ',
];

/** A company name full of key-pattern characters, ending with an alphanumeric marker. */
const nastyName = (marker: string) =>
  fc
    .tuple(fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 6 }))
    .map(([parts, tail]) => `${parts.join('')}${tail.replace(/[\s\p{C}]/gu, '')} Co ${marker}`);

/** `count` workspaces generated from `seed`: `T1` first, then distinct ids picked among colliding ones. */
export function generateTenants(seed: number, count: number): Tenant[] {
  const others = fc.sample(fc.shuffledSubarray(OTHER_IDS, { minLength: count - 1, maxLength: count - 1 }), {
    seed,
    numRuns: 1,
  })[0];
  if (!others) throw new Error('no team ids');
  return [FIRST_ID, ...others].map((teamId, t) => {
    const marker = `mk${t}z`;
    const names = fc.sample(nastyName(`${marker}l`), { seed: seed + t, numRuns: 3 });
    return {
      teamId,
      marker,
      business: `${names[0]?.replace(/Co mk.*$/, '') ?? ''}Biz ${marker}b`,
      painPoint: `pain ${marker}p {*}`,
      leads: names.map((name, i) => name.replace(/l$/, `l${i}q`)),
      token: `xoxb-tenant-${marker}-token`,
    };
  });
}

/** An installation of the app in `tenant`'s workspace, as the OAuth flow stores it. */
export function installationOf(tenant: Tenant): Installation<'v2', false> {
  return {
    team: { id: tenant.teamId, name: tenant.business },
    enterprise: undefined,
    user: { id: SHARED_USER, token: undefined, scopes: undefined },
    bot: { token: tenant.token, userId: 'U0BOT', id: 'B0BOT', scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    appId: 'A0TENANTS',
    tokenType: 'bot',
  };
}
