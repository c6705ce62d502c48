/**
 * A job run earlier than its lead plus this was promoted on purpose (the sandbox's time travel, a test)
 * rather than woken by its delay, and posts at once, as a promoted job always did.
 */
const PROMOTED_MARGIN_MS = 1_000;

/**
 * The instant a job that runs `leadMs` ahead of `dueMs` posts at: `dueMs`, or now for a job promoted on
 * purpose, run late or given no instant. Reminders and paced sender posts are prepared ahead this way.
 */
export function postInstant(dueMs: number | undefined, nowMs: number, leadMs: number): number {
  return dueMs !== undefined && dueMs > nowMs && dueMs - nowMs <= leadMs + PROMOTED_MARGIN_MS ? dueMs : nowMs;
}
