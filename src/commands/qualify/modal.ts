import type { WebClient } from '@slack/web-api';
import { InputError } from '../../errors.js';
import { isStaleTrigger } from '../../slack/stale-trigger.js';
import { buildQualifyModal, type QualifyModalInput } from '../../views/qualify/modal.js';

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
    if (isStaleTrigger(error)) {
      throw new InputError(`The qualify form took too long to open, so Slack refused it. ${retry}`);
    }
    throw error;
  }
}
