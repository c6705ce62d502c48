import type { CliCommand, CliIO } from '../../src/cli/io.js';
import { InputError, type Problem } from '../../src/errors.js';

/** A CLI io that keeps everything a command writes to stdout and stderr, running in `cwd`. */
export function collect(cwd = process.cwd()): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

/** The problems of the InputError `command` throws for `args`; fails the test when it throws none. */
export async function inputProblems(command: CliCommand, args: string[], cwd?: string): Promise<Problem[]> {
  try {
    await command(args, collect(cwd));
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
