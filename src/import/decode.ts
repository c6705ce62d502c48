import { InputError } from '../errors.js';

const HOW_TO_REEXPORT =
  'Re-export it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in Google Sheets, ' +
  'File › Download › CSV; in Numbers, Export To › CSV with Text Encoding "Unicode (UTF-8)".';

const notUtf8 = (): InputError => new InputError(`The file is not UTF-8 text. ${HOW_TO_REEXPORT}`);
const binary = (): InputError =>
  new InputError(
    `The file contains binary data (NUL bytes), not CSV text; is it a spreadsheet? ${HOW_TO_REEXPORT}`,
  );

type Decoder = { write: (chunk: Buffer) => string; end: () => string };

/** UTF-16 with a byte order mark is decoded; anything else must be valid UTF-8. */
async function decoderFor(head: Buffer): Promise<Decoder> {
  if (head[0] === 0xff && head[1] === 0xfe) return iconvDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return iconvDecoder('utf-16be');
  // fatal: invalid UTF-8 throws instead of turning into replacement characters; a leading BOM is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    write: (chunk) => {
      if (chunk.includes(0)) throw binary();
      try {
        return decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8();
      }
    },
    end: () => {
      try {
        return decoder.decode();
      } catch {
        throw notUtf8();
      }
    },
  };
}

// Loaded only for a UTF-16 file: nearly every export is UTF-8, which the built-in TextDecoder reads.
async function iconvDecoder(encoding: 'utf-16le' | 'utf-16be'): Promise<Decoder> {
  const { default: iconv } = await import('iconv-lite');
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/**
 * A CSV file's bytes as text, chunk by chunk: UTF-8 (with or without a BOM) is checked as it is decoded, UTF-16
 * LE/BE with a BOM is decoded, and anything else fails with an InputError saying how to re-export the file.
 */
export async function* decodeText(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let head = Buffer.alloc(0);
  let decoder: Decoder | undefined;
  for await (const piece of input) {
    let bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (!decoder) {
      // The byte order mark decides the encoding, so hold the first bytes until there are enough to see it.
      head = Buffer.concat([head, bytes]);
      if (head.length < 2) continue;
      decoder = await decoderFor(head);
      bytes = head;
    }
    const text = decoder.write(bytes);
    if (text.length > 0) yield text;
  }
  if (!decoder) {
    decoder = await decoderFor(head);
    const text = decoder.write(head);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}
