import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { isStaleTrigger } from '../../src/slack/stale-trigger.js';

/** An error shaped as the Web API client throws it when Slack answers `ok: false`. */
const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error },
  });

describe('isStaleTrigger', () => {
  it.each(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id'])(
    'treats %s as a form to open again',
    (error) => {
      expect(isStaleTrigger(platformError(error))).toBe(true);
    },
  );

  it.each([
    ['another Slack refusal', platformError('view_too_large')],
    ['a plain error that only mentions the code', new Error('expired_trigger_id')],
    ['a timeout', Object.assign(new Error('timed out'), { code: ErrorCode.RequestError })],
    ['nothing', undefined],
  ])('does not treat %s as a stale trigger', (_name, error) => {
    expect(isStaleTrigger(error)).toBe(false);
  });
});
