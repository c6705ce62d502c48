/**
 * Bot scopes the code needs, and no more: the slash command, posting and ephemeral replies, user names and
 * time zones, blueprint files, channel lookups (public and private) and DMs for follow-up reminders.
 * manifest.yml lists the same set; a guard test keeps them equal.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'files:write',
  'channels:read',
  'groups:read',
  'im:write',
] as const;
