import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, signRequest } from '../../src/sandbox/index.js';

// Slack's documented example (docs.slack.dev, "Verifying requests from Slack").
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('request signing', () => {
  it("reproduces Slack's documented test vector", () => {
    expect(signRequest(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it('changes the signature when one byte of the body changes', () => {
    expect(signRequest(SECRET, TIMESTAMP, BODY.replace('text=', 'text=x'))).not.toBe(SIGNATURE);
  });

  it("produces headers that Bolt's own verifier accepts", () => {
    const headers = signatureHeaders(SECRET, TIMESTAMP, BODY);
    expect(() =>
      verifySlackRequest({
        signingSecret: SECRET,
        body: BODY,
        headers: {
          'x-slack-signature': headers['x-slack-signature'],
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
        nowMilliseconds: TIMESTAMP * 1000 + 1000,
      }),
    ).not.toThrow();
  });
});
