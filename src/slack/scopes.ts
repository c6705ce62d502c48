/**
 * Bot scopes the code needs, and no more: the slash command, posting and ephemeral replies, user names and
 * time zones, blueprint files, reading the CSV a person uploads to import, channel lookups (public and private) DMs for follow-up reminders, and reading back DM and channel history so a re-run reminder or digest finds the message it already posted, and replies in an ICP card's thread (message.channels) become suggestions.
 * manifest.yml lists the same set; a guard test keeps them equal.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  // Deal owners are matched to people by the e-mail the CRM exports; users.list leaves e-mails out without it.
  'users:read.email',
  'files:write',
  'files:read',
  'channels:read',
  'groups:read',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
] as const;
