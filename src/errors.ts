import type { z } from 'zod';

/** Stable codes for every error a person or an operator can cause. */
export const ErrorCode = {
  Config: 'sales_ops_config_error',
  Input: 'sales_ops_input_error',
  NotFound: 'sales_ops_not_found',
  Conflict: 'sales_ops_conflict',
  Redis: 'sales_ops_redis_error',
  CorruptRecord: 'sales_ops_corrupt_record',
  Decryption: 'sales_ops_decryption_error',
  NoInstallation: 'sales_ops_no_installation',
  Download: 'sales_ops_download_error',
  RetryLater: 'sales_ops_retry_later',
  PostRefused: 'sales_ops_post_refused',
  PaceWait: 'sales_ops_pace_wait',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One thing wrong with an input: where it is and how to fix it. */
export interface Problem {
  path: string;
  message: string;
}

/** Formats problems one per line as `path: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

/** Bad input from a person (CLI flags, intake files, slash text, modal fields, CSV rows). */
export class InputError extends Error {
  readonly code = ErrorCode.Input;
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ path: '', message: problems }] : problems;
    super(formatProblems(list));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** The environment is missing or has malformed variables; the message lists each one. */
export class ConfigError extends Error {
  readonly code = ErrorCode.Config;
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`Configuration is incomplete:\n${formatProblems(problems)}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Something a person asked for does not exist (a lead, a sequence, a saved profile). */
export class NotFoundError extends Error {
  readonly code = ErrorCode.NotFound;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request clashes with what is stored (a lead already enrolled, an edit on a stale draft). */
export class ConflictError extends Error {
  readonly code = ErrorCode.Conflict;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Redis is unreachable or misconfigured; the message says what to change. */
export class RedisSetupError extends Error {
  readonly code = ErrorCode.Redis;
  constructor(message: string) {
    super(message);
    this.name = 'RedisSetupError';
  }
}

/** A stored record no longer matches its schema (written by an older version or edited by hand). */
export class CorruptRecordError extends Error {
  readonly code = ErrorCode.CorruptRecord;
  constructor(key: string, detail: string) {
    super(`The record at ${key} is unreadable (${detail}); delete it or save it again.`);
    this.name = 'CorruptRecordError';
  }
}

/** A sealed record failed its integrity check: altered, moved to another key, or sealed with another key. */
export class DecryptionError extends Error {
  readonly code = ErrorCode.Decryption;
  constructor(context: string) {
    super(
      `The encrypted record at ${context} could not be decrypted: it was altered or TOKEN_ENCRYPTION_KEY changed. Reinstall the app in that workspace.`,
    );
    this.name = 'DecryptionError';
  }
}

/** Thrown to Bolt when a workspace has no stored installation; Bolt then answers with an authorization error. */
export class NoInstallationError extends Error {
  readonly code = ErrorCode.NoInstallation;
  constructor(owner: string) {
    super(`sales-ops is not installed in ${owner}; install it from /slack/install`);
    this.name = 'NoInstallationError';
  }
}

/** Slack would not hand over a file; the message says what to do about it. */
export class DownloadError extends Error {
  readonly code = ErrorCode.Download;
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** Slack is rate limiting the channel: come back after `ms`. The claim was released; nothing was posted. */
export class RetryLaterError extends Error {
  readonly code = ErrorCode.RetryLater;
  constructor(readonly ms: number) {
    super(`Slack asked to wait ${Math.ceil(ms / 1000)} s before posting again`);
    this.name = 'RetryLaterError';
  }
}

/** Slack refused the post for good (not in the channel, archived…); the claim was released. */
export class PostRefusedError extends Error {
  readonly code = ErrorCode.PostRefused;
  constructor(
    readonly slackError: string,
    readonly channel: string,
  ) {
    super(`Slack refused the post to ${channel}: ${slackError}`);
    this.name = 'PostRefusedError';
  }
}

/** Turns zod issues into problems whose paths read like `leadSources[0].cac`, with wording a person can act on. */
export function problemsFromZod(error: z.ZodError, prefix = ''): Problem[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      prefix,
    );
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'is not a known field; check its spelling or remove it',
      }));
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return [{ path: base, message: 'is required' }];
    }
    if (issue.code === 'invalid_type' && base === '') {
      return [
        {
          path: base,
          message: `expected ${issue.expected === 'object' ? 'a mapping of fields' : issue.expected}`,
        },
      ];
    }
    return [{ path: base, message: issue.message }];
  });
}

/** The channel's pace asks to wait `ms`; the job goes back to the delayed set holding `slot` (sender queue). */
export class PaceWaitError extends Error {
  readonly code = ErrorCode.PaceWait;
  constructor(
    readonly ms: number,
    readonly slot: number,
  ) {
    super(`the channel's next free slot is ${ms} ms away`);
    this.name = 'PaceWaitError';
  }
}
