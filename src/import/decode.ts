import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

const HOW_TO_REEXPORT =
  'Re-export it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in Google Sheets, ' +
  'File › Download › CSV; in Numbers, Export To › CSV with Text Encoding "Unicode (UTF-8)".';

const notUtf8 = (): InputError => new InputError(`The file is not UTF-8 text. ${HOW_TO_REEXPORT}`);
const binary = (): InputError =>
  new InputError(
    `The file contains binary data (NUL bytes), not CSV text; is it a spreadsheet? ${HOW_TO_REEXPORT}`,
  );

type Decoder = { write: (chunk: Buffer) => Buffer | string; end: () => Buffer | string };

/** UTF-16 with a byte order mark is decoded; anything else must be valid UTF-8 and passes through unchanged. */
function decoderFor(head: Buffer): Decoder {
  if (head[0] === 0xff && head[1] === 0xfe) return iconvDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return iconvDecoder('utf-16be');
  const validator = new TextDecoder('utf-8', { fatal: true });
  return {
    write: (chunk) => {
      if (chunk.includes(0)) throw binary();
      try {
        validator.decode(chunk, { stream: true });
      } catch {
        throw notUtf8();
      }
      return chunk;
    },
    end: () => {
      try {
        validator.decode();
      } catch {
        throw notUtf8();
      }
      return '';
    },
  };
}

function iconvDecoder(encoding: 'utf-16le' | 'utf-16be'): Decoder {
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

const push = (stream: Transform, out: Buffer | string): void => {
  if (out.length > 0) stream.push(out);
};

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * A stream that turns a CSV file's bytes into UTF-8: UTF-8 (with or without a BOM) is checked and passed on,
 * UTF-16 LE/BE with a BOM is decoded, and anything else fails with an InputError saying how to re-export the file.
 */
export function toUtf8(): Transform {
  let head = Buffer.alloc(0);
  let decoder: Decoder | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        let bytes = chunk;
        if (!decoder) {
          // The byte order mark decides the encoding, so hold the first bytes until there are enough to see it.
          head = Buffer.concat([head, chunk]);
          if (head.length < 2) return callback();
          decoder = decoderFor(head);
          bytes = head;
        }
        push(this, decoder.write(bytes));
        callback();
      } catch (error) {
        callback(asError(error));
      }
    },
    flush(callback) {
      try {
        if (!decoder) {
          decoder = decoderFor(head);
          push(this, decoder.write(head));
        }
        push(this, decoder.end());
        callback();
      } catch (error) {
        callback(asError(error));
      }
    },
  });
}
