import { createHmac } from 'node:crypto';

async function postSigned(url: string, body: string, contentType: string, secret: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
}

/** POSTs a form body to the app signed with `secret`, as Slack signs slash commands. */
export function postSignedForm(
  url: string,
  fields: Record<string, string>,
  secret: string,
): Promise<Response> {
  return postSigned(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', secret);
}

/** POSTs an exact JSON body (an Events API envelope) signed with `secret`, so a test can deliver it twice. */
export function postSignedJson(url: string, payload: unknown, secret: string): Promise<Response> {
  return postSigned(url, JSON.stringify(payload), 'application/json', secret);
}
