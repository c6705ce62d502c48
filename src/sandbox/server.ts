import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelPace, FaultQueue } from './faults.js';
import { fail } from './methods/common.js';
import { METHODS, type MethodContext } from './methods/index.js';
import type { CallLog } from './recorder.js';
import { answerResponseUrl } from './response-url.js';
import type { Reply } from './types.js';
import { type DecodedCall, decodeCall, decodeMultipart, readBody, sendJson } from './web-request.js';

/** What the HTTP side of the stand-in needs from the rest of it. */
export interface ServerDeps {
  context: () => MethodContext;
  log: CallLog;
  faults: FaultQueue;
  pace: ChannelPace;
}

/** Builds the request listener: the Web API under /api/, upload URLs, response URLs and file downloads. */
export function createListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: 'fatal_error', response_metadata: { messages: [message] } });
      else res.end();
    });
  };
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'api' && second !== undefined) return apiCall(deps, second, req, res, url.searchParams);
  if (req.method === 'POST' && first === 'upload' && third !== undefined)
    return upload(deps, third, req, res);
  if (req.method === 'POST' && first === 'commands' && third !== undefined) {
    const raw = await readBody(req);
    const outcome = answerResponseUrl(deps.context(), third, url.href, parseReplyBody(req, raw));
    return sendJson(res, outcome.status, outcome.body);
  }
  if (req.method === 'GET' && first === 'files-pri' && second !== undefined)
    return download(deps, second, req, res);
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/** A method's reply, the arguments it was given, and the Retry-After of a 429. */
interface Answer {
  args: Record<string, unknown>;
  reply: Reply;
  retryAfter?: number;
  /** Carry the call out, then drop the connection or answer with this HTTP status instead. */
  after?: 'lose' | 'hang' | number;
}

async function apiCall(
  deps: ServerDeps,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const ctx = deps.context();
  const answered = await answer(deps, ctx, method, req, await readBody(req), query);
  const { args, reply, retryAfter } = answered;
  const { after } = answered;
  if (after === 'hang') {
    // Carried out, never answered: the connection stays open until the caller gives up or the stand-in stops.
    deps.log.record({ method, args, response: reply, status: 0, at: ctx.now });
    return;
  }
  if (after === 'lose') {
    deps.log.record({ method, args, response: reply, status: 0, at: ctx.now });
    req.socket.destroy();
    return;
  }
  const status = typeof after === 'number' ? after : retryAfter === undefined ? 200 : 429;
  deps.log.record({ method, args, response: reply, status, at: ctx.now });
  if (typeof after === 'number') {
    sendJson(res, status, { ok: false, error: 'service_unavailable' });
    return;
  }
  sendJson(res, status, reply, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
}

/** Answers a Web API call in Slack's order: method, arguments, token, injected faults, pace, then the method. */
async function answer(
  deps: ServerDeps,
  ctx: MethodContext,
  method: string,
  req: IncomingMessage,
  raw: Buffer,
  query: URLSearchParams,
): Promise<Answer> {
  const handler = METHODS[method];
  if (!handler) return { args: {}, reply: fail('unknown_method') };
  let decoded: DecodedCall;
  try {
    decoded = await decodeCall(req, raw, query);
  } catch {
    return { args: {}, reply: fail('invalid_json') };
  }
  const { args, token } = decoded;
  if (!token) return { args, reply: fail('not_authed') };
  if (!ctx.state.tokens.has(token)) return { args, reply: fail('invalid_auth') };
  const fault = deps.faults.take(method);
  if (fault && 'retryAfter' in fault)
    return { args, reply: fail('ratelimited'), retryAfter: fault.retryAfter };
  if (fault && 'error' in fault) return { args, reply: fail(fault.error) };
  const after = fault === undefined ? undefined : 'status' in fault ? fault.status : fault.after;
  const carried = (answer: Answer): Answer => (after === undefined ? answer : { ...answer, after });
  if (method !== 'chat.postMessage') return carried({ args, reply: handler(args, ctx) });
  const ref = String(args.channel ?? '');
  const channel = ctx.state.resolveChannel(ref, ctx.now)?.id ?? ref;
  const paced = deps.pace.retryAfter(channel, ctx.now);
  if (paced > 0) return { args, reply: fail('ratelimited'), retryAfter: paced };
  const reply = handler(args, ctx);
  if (reply.ok) deps.pace.posted(channel, ctx.now);
  return carried({ args, reply });
}

async function upload(
  deps: ServerDeps,
  fileId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const file = deps.context().state.files.get(fileId);
  const raw = await readBody(req, 1024 * 1024 * 1024);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('file not found');
    return;
  }
  let content = raw;
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    const parts = Object.values(await decodeMultipart(req, raw));
    content = parts.find((p): p is Buffer => Buffer.isBuffer(p)) ?? Buffer.alloc(0);
  }
  Object.assign(file, { content, uploaded: true });
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`OK - ${content.length}`);
}

function download(deps: ServerDeps, teamAndFile: string, req: IncomingMessage, res: ServerResponse): void {
  const { state } = deps.context();
  const file = state.files.get(teamAndFile.split('-').at(-1) ?? '');
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (!state.tokens.has(token)) {
    // Slack answers an unauthenticated file URL with its sign-in page, not an error status.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
    return;
  }
  if (!file?.uploaded) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('file not found');
    return;
  }
  res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.content.length) });
  res.end(file.content);
}

function parseReplyBody(req: IncomingMessage, raw: Buffer): unknown {
  const text = raw.toString('utf8');
  try {
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
      return JSON.parse(new URLSearchParams(text).get('payload') ?? 'null');
    return JSON.parse(text);
  } catch {
    return text;
  }
}
