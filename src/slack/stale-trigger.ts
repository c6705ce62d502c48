import { ErrorCode } from '@slack/web-api';

/** Slack refuses a trigger that is older than three seconds, was already used, or was never issued. */
const STALE_TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

/**
 * True when Slack refused to open a modal because its trigger is stale: the person fixes it by trying
 * again, so callers answer with how to retry instead of reporting a failure.
 */
export function isStaleTrigger(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return (
    code === ErrorCode.PlatformError &&
    typeof data?.error === 'string' &&
    STALE_TRIGGER_ERRORS.has(data.error)
  );
}
