import { createServer, type Server } from 'node:http';

/** One call the fake Web API received. */
export interface FakeCall {
  method: string;
  authorization: string | undefined;
  params: Record<string, string>;
}

/**
 * A minimal Web API for flows the Slack stand-in does not cover (the OAuth exchange): every method answers
 * `{ ok: true }` plus whatever `answers` holds for it, and every call is recorded.
 */
export async function startFakeWebApi(answers: Record<string, Record<string, unknown>>) {
  const calls: FakeCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push({ method, authorization: req.headers.authorization, params });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...answers[method] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
