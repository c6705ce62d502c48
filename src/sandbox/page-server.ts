import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_NAMES, type ApiName, apiError, runApi } from './page-api.js';
import { type PageSources, pageState } from './page-state.js';
import type { TimeTravel } from './time-travel.js';
import { readBody, sendJson } from './web-request.js';

/** The page's own files: served as they are, no build step. */
const STATIC: Record<string, string> = {
  '/': 'index.html',
  '/style.css': 'style.css',
  '/app.js': 'app.js',
  '/mrkdwn.js': 'mrkdwn.js',
  '/blocks.js': 'blocks.js',
  '/modal.js': 'modal.js',
  '/render.js': 'render.js',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
const PAGE_DIR = new URL('./page/', import.meta.url);

export interface PageServerOptions extends PageSources {
  timeTravel: TimeTravel;
  port: number;
}

/** The sandbox page: a Slack-like client for one workspace, served on 127.0.0.1. */
export async function startPageServer(
  options: PageServerOptions,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, apiError(error));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function route(options: PageServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://page');
  const file = STATIC[url.pathname];
  if (req.method === 'GET' && file !== undefined) {
    const body = await readFile(new URL(file, PAGE_DIR));
    res.writeHead(200, {
      'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'text/plain',
      'cache-control': 'no-store',
    });
    res.end(body);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/api/state') {
    const user = url.searchParams.get('user') || (options.people[0]?.id ?? '');
    if (!options.people.some((p) => p.id === user))
      return sendJson(res, 400, { ok: false, error: `No person ${user}` });
    return sendJson(res, 200, pageState(options, user, await options.timeTravel.upcoming()));
  }
  const api = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : '';
  if (req.method === 'POST' && (API_NAMES as string[]).includes(api)) {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, { ok: false, error: 'The request body is not JSON' });
    }
    const result = await runApi(options, api as ApiName, body).catch(apiError);
    return sendJson(res, 200, result);
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  const fileMatch = /^\/files\/(F[A-Z0-9]+)$/.exec(url.pathname);
  if (req.method === 'GET' && fileMatch) return sendFile(options, fileMatch[1] ?? '', url, res);
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function sendFile(options: PageServerOptions, id: string, url: URL, res: ServerResponse): void {
  const file = options.slack.files().find((f) => f.id === id);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('file not found');
    return;
  }
  const disposition = url.searchParams.has('download') ? 'attachment' : 'inline';
  res.writeHead(200, {
    'content-type': file.mimetype,
    'content-length': String(file.content.length),
    'content-disposition': `${disposition}; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`,
  });
  res.end(file.content);
}
