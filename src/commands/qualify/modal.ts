import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { InputError } from '../../errors.js';
import { buildQualifyModal, type QualifyModalInput } from '../../views/qualify/modal.js';

/** Slack refuses a trigger that is older than three seconds or was already used. */
const STALE_TRIGGER_ERRORS = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

/** Opens the qualify modal; a stale trigger becomes an InputError telling the person to try again. */
export async function openQualifyModal(
  client: WebClient,
  triggerId: string,
  input: QualifyModalInput,
  retry: string,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: buildQualifyModal(input) });
  } catch (error) {
    if (error instanceof WebAPIPlatformError && STALE_TRIGGER_ERRORS.has(error.data.error)) {
      throw new InputError(`The qualify form took too long to open, so Slack refused it. ${retry}`);
    }
    throw error;
  }
}
