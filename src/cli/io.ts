import { ConfigError, InputError } from '../errors.js';

/** Where a CLI command writes; tests pass collectors, the binary passes the process streams. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** A subcommand: parses its own arguments and returns the exit status (0 ok, 2 bad input, 1 failure). */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Prints a person's mistake as one line per problem and returns 2; anything else is a failure (1). */
export function reportError(error: unknown, io: CliIO): number {
  if (error instanceof InputError || error instanceof ConfigError) {
    for (const p of error.problems) io.stderr(`error: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error: ${message}\n`);
  return EXIT_FAILURE;
}
