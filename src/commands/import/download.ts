import { pipeline, Readable, Transform } from 'node:stream';
import { DownloadError, InputError } from '../../errors.js';
import { HEADER_BYTES } from './header.js';

/** A file being downloaded: its bytes as a stream, and the first bytes once read, to find the header row. */
export interface Download {
  stream: Readable;
  head(): Buffer;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Counts the bytes going through, keeps the first HEADER_BYTES, and refuses a file larger than `maxBytes`. */
function guard(maxBytes: number): { stream: Transform; head: () => Buffer } {
  let read = 0;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      if (keptBytes < HEADER_BYTES) {
        kept.push(chunk.subarray(0, HEADER_BYTES - keptBytes));
        keptBytes += Math.min(chunk.length, HEADER_BYTES - keptBytes);
      }
      if (read > maxBytes) {
        done(
          new InputError(
            `The file is larger than ${megabytes(maxBytes)}, the most one import reads. Export fewer deals (e.g. one pipeline) and import that.`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  return { stream, head: () => Buffer.concat(kept) };
}

/**
 * Downloads a file a person attached (its url_private_download) with the bot token as a Bearer token, as a
 * stream. Slack answers a request it will not serve with its sign-in page, so an HTML answer is an error too.
 */
export async function downloadSlackFile(url: string, token: string, maxBytes: number): Promise<Download> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'follow' });
  } catch (error) {
    throw new DownloadError(
      `Could not reach Slack to download the file (${error instanceof Error ? error.message : String(error)}). Try again in a minute.`,
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || response.body === null || type.startsWith('text/html')) {
    await response.body?.cancel();
    throw new DownloadError(
      response.status === 404
        ? 'Slack no longer has the file (it was deleted). Attach it again with `/sales-ops import`.'
        : `Slack would not hand the file to the app (HTTP ${response.status}${type.startsWith('text/html') ? ', a sign-in page' : ''}). An admin may need to reinstall the app so it can read files (scope files:read).`,
    );
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body.cancel();
    throw new InputError(
      `The file is ${megabytes(length)}; one import reads at most ${megabytes(maxBytes)}. Export fewer deals (e.g. one pipeline) and import that.`,
    );
  }
  const guarded = guard(maxBytes);
  // pipeline destroys both ends when either fails, so a refused file stops the download too.
  const stream = pipeline(Readable.fromWeb(response.body), guarded.stream, () => undefined);
  return { stream, head: guarded.head };
}
