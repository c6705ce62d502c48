import { InputError } from '../errors.js';

/** Slack ids (T…, E…, U…, W…, Ev…) are letters and digits; anything else could escape its key or match a pattern. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PREFIX_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/** The default prefix of every key the app writes. */
export const DEFAULT_KEY_PREFIX = 'so';

function checkId(kind: string, id: string): string {
  if (!ID_PATTERN.test(id))
    throw new InputError(`${kind} "${id}" is not a Slack id (letters and digits only)`);
  return id;
}

/**
 * Builds every Redis key name. Each key carries its team (or enterprise, for org-wide installs) as a
 * hash tag, `so:{T123}:…`, so all of a team's keys live in one Cluster slot.
 */
export function createKeys(prefix: string = DEFAULT_KEY_PREFIX) {
  if (!PREFIX_PATTERN.test(prefix))
    throw new InputError(`key prefix "${prefix}" must be letters, digits, . _ or -`);
  const team = (teamId: string) => `${prefix}:{${checkId('team id', teamId)}}`;
  return {
    prefix,
    installation: (teamId: string) => `${team(teamId)}:installation`,
    profile: (teamId: string) => `${team(teamId)}:profile`,
    draft: (teamId: string, userId: string) => `${team(teamId)}:draft:${checkId('user id', userId)}`,
    settings: (teamId: string) => `${team(teamId)}:settings`,
    blueprint: (teamId: string) => `${team(teamId)}:blueprint`,
    event: (teamId: string, eventId: string) => `${team(teamId)}:event:${checkId('event id', eventId)}`,
    /** SCAN pattern matching every key of one team. */
    teamPattern: (teamId: string) => `${team(teamId)}:*`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
