import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describeMapping, detectSource, type MappingPreview, type Source } from '../../import/index.js';

/** How many leading bytes of a file are kept to read its header row. */
export const HEADER_BYTES = 65_536;

function decodeHead(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return iconv.decode(head, 'utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return iconv.decode(head, 'utf-16be');
  return head.toString('utf8').replace(/^\uFEFF/, '');
}

/** The header row of a CSV file from its first bytes, read leniently; undefined when there is none. */
export function readHeaderRow(head: Buffer): string[] | undefined {
  const firstLine = decodeHead(head.subarray(0, HEADER_BYTES)).split(/\r?\n/)[0] ?? '';
  if (firstLine.trim() === '') return undefined;
  try {
    const [header] = parse(firstLine, { relax_quotes: true, relax_column_count: true }) as string[][];
    return header;
  } catch {
    return undefined;
  }
}

/** The mapping a header gets: read as `source` when given, else as the export it is recognised as. */
export interface HeaderMapping {
  mapping: MappingPreview;
  /** True when the source was recognised from the header rather than chosen. */
  detected: boolean;
}

/** Describes how a header row would be imported; undefined when no source is given and none is recognised. */
export function mappingForHeader(header: readonly string[], source?: Source): HeaderMapping | undefined {
  const chosen = source ?? detectSource(header);
  if (chosen === undefined) return undefined;
  return { mapping: describeMapping(chosen, header), detected: source === undefined };
}

/** Reads the header row of a CSV file on disk and maps it; undefined when it has none or it is not recognised. */
export async function readFileHeader(path: string, source?: Source): Promise<HeaderMapping | undefined> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    const header = readHeaderRow(buffer.subarray(0, bytesRead));
    return header === undefined ? undefined : mappingForHeader(header, source);
  } finally {
    await handle.close();
  }
}
