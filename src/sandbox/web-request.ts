import type { IncomingMessage, ServerResponse } from 'node:http';

// Fields Slack takes as JSON text inside form-encoded calls.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files']);

/** Reads a whole request body, refusing more than `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes = 16 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) throw new Error(`request body over ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A Web API request decoded the way Slack decodes it. */
export interface DecodedCall {
  args: Record<string, unknown>;
  token?: string;
}

const mediaType = (req: IncomingMessage): string =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Decodes query string and body (form, JSON or multipart) into arguments, and finds the token. */
export async function decodeCall(
  req: IncomingMessage,
  raw: Buffer,
  query: URLSearchParams,
): Promise<DecodedCall> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const type = mediaType(req);
  let json = false;
  if (type === 'application/json' && raw.length > 0) {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
    json = true;
  } else if (type === 'multipart/form-data') {
    Object.assign(args, await decodeMultipart(req, raw));
  } else if (raw.length > 0) {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  for (const key of JSON_FIELDS) args[key] = parseJsonField(args[key]);
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  // Slack reads a token from the body only for form posts; JSON posts must use the Authorization header.
  const bodyToken = !json && typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  const token = bearer || bodyToken;
  return token ? { args, token } : { args };
}

/** Parses a multipart body into fields; file parts become Buffers. */
export async function decodeMultipart(req: IncomingMessage, raw: Buffer): Promise<Record<string, unknown>> {
  const form = await new Response(raw, {
    headers: { 'content-type': req.headers['content-type'] ?? '' },
  }).formData();
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form) {
    fields[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return fields;
}

function parseJsonField(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Sends a JSON body with Slack's content type. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
