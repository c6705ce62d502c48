import { type OutgoingBody, signedHeaders } from '../../src/sandbox/index.js';

/** POSTs a body to the app signed with `secret` now, with the headers the Slack stand-in sends. */
function postSigned(url: string, outgoing: OutgoingBody, secret: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: signedHeaders(outgoing, secret, timestamp),
    body: outgoing.body,
  });
}

/** POSTs a form body to the app signed with `secret`, as Slack signs slash commands. */
export function postSignedForm(
  url: string,
  fields: Record<string, string>,
  secret: string,
): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  return postSigned(url, { body, contentType: 'application/x-www-form-urlencoded' }, secret);
}

/** POSTs an exact JSON body (an Events API envelope) signed with `secret`, so a test can deliver it twice. */
export function postSignedJson(url: string, payload: unknown, secret: string): Promise<Response> {
  return postSigned(url, { body: JSON.stringify(payload), contentType: 'application/json' }, secret);
}
