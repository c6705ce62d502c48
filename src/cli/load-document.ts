import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';

/** Reads a YAML or JSON file (JSON is valid YAML) and returns its data, or throws InputError saying where it broke. */
export async function loadDocument(file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    throw new InputError([{ path: file, message: `${why}; pass the path of a YAML or JSON intake file` }]);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => ({
        path: e.linePos?.[0] ? `${file}:${e.linePos[0].line}:${e.linePos[0].col}` : file,
        message: `${(e.message.split('\n')[0] ?? '').replace(/[:\s]+$/, '')} (fix the YAML/JSON syntax there)`,
      })),
    );
  }
  return doc.toJS();
}
