#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type CliCommand, type CliIO, EXIT_BAD_INPUT, EXIT_OK, reportError } from './cli/io.js';

/** Each subcommand lives in its own module under src/cli/, loaded only when asked for. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  blueprint: {
    summary:
      'blueprint FILE [--format text|json|markdown] [--now ISO]   print the sales operations blueprint',
    load: async () => (await import('./cli/blueprint.js')).run,
  },
  qualify: {
    summary:
      'qualify --framework ID --CRITERION LEVEL ... | --answers FILE   print a qualification scorecard',
    load: async () => (await import('./cli/qualify.js')).run,
  },
  report: {
    summary:
      'report FILE.csv [--source hubspot|salesforce|pipedrive|maven] [--products FILE] [--quota N] [--now ISO]   pipeline report of a CRM export',
    load: async () => (await import('./cli/report.js')).run,
  },
  import: {
    summary:
      "import FILE.csv [--source hubspot|salesforce|pipedrive|maven] [--team T…] [--products FILE] [--dry-run] [--now ISO]   store a CRM export as the team's deals, with a hygiene audit",
    load: async () => (await import('./cli/import.js')).run,
  },
  abtest: {
    summary: 'abtest --a 40/1000 --b 60/1000 [--alpha 0.05 --power 0.8 --lift 0.01]   A/B test statistics',
    load: async () => (await import('./cli/abtest.js')).run,
  },
};

/** Usage text listing every subcommand. */
export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  sales-ops ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nRun a command with --help for its options.\n`;
}

/** Runs the command line and returns the exit status. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`error: unknown command "${name}". ${usage()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.load().then((run) => run(rest, io));
  } catch (error) {
    return reportError(error, io);
  }
}

// Run only when executed (also through the npm bin symlink), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
