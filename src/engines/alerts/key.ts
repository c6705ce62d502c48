import { createHash } from 'node:crypto';
import type { AlertRuleId } from './types.js';

/**
 * The delivery key of an alert: a hash of team, deal, rule and state, so the same state of the same deal
 * never alerts twice, and a new state (a further slip, another stage) alerts again. Letters, digits and
 * `-` only, as the sender's delivery keys must be.
 */
export function alertKey(teamId: string, dealId: string, rule: AlertRuleId, state: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([teamId, dealId, rule, state]))
    .digest('hex');
  return `al-${digest.slice(0, 32)}`;
}

/** The key of a message that carries several alerts: the same alerts always give the same key. */
export function batchKey(prefix: string, parts: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([...parts].sort()))
    .digest('hex');
  return `${prefix}-${digest.slice(0, 32)}`;
}
