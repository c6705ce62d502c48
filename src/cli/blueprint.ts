import { parseArgs } from 'node:util';
import { renderBlueprint, renderBlueprintJson, renderBlueprintMarkdown } from '../engines/blueprint/index.js';
import { buildDesign } from '../engines/build-design.js';
import { resolveIntake } from '../engines/intake.js';
import { InputError, type Problem } from '../errors.js';
import { type CliCommand, EXIT_OK } from './io.js';
import { loadDocument } from './load-document.js';

const USAGE = `Usage: sales-ops blueprint FILE [--format text|json|markdown] [--now ISO]

  FILE        a YAML or JSON intake (see examples/acme.yml and examples/minimal.yml)
  --format    text (default, the blueprint), json (for machines), markdown (the team playbook)
  --now       the timestamp to print, e.g. 2026-11-24T09:00:00Z (default: the current time)
`;

const FORMATS = {
  text: renderBlueprint,
  json: renderBlueprintJson,
  markdown: renderBlueprintMarkdown,
} as const;

/** `sales-ops blueprint FILE`: prints the sales operations blueprint for an intake file. */
export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: {
      format: { type: 'string', default: 'text' },
      now: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const problems: Problem[] = [];
  const known = new Set(['format', 'now', 'help']);
  for (const key of Object.keys(values)) {
    if (!known.has(key))
      problems.push({ path: `--${key}`, message: 'is not an option of blueprint; see --help' });
  }
  const format = String(values.format);
  if (!(format in FORMATS))
    problems.push({ path: '--format', message: 'must be one of text, json, markdown' });
  const now = values.now === undefined ? new Date().toISOString() : String(values.now);
  if (values.now !== undefined && (values.now === true || Number.isNaN(Date.parse(now)))) {
    problems.push({ path: '--now', message: 'must be an ISO timestamp such as 2026-11-24T09:00:00Z' });
  }
  const [file, ...extra] = positionals;
  if (file === undefined)
    problems.push({ path: 'FILE', message: 'is required: sales-ops blueprint examples/acme.yml' });
  if (extra.length > 0)
    problems.push({ path: extra.join(' '), message: 'unexpected argument; pass one intake file' });
  if (problems.length > 0 || file === undefined) throw new InputError(problems);

  const intake = resolveIntake(await loadDocument(file, io.cwd));
  const render = FORMATS[format as keyof typeof FORMATS];
  const output = render(buildDesign(intake), { now: new Date(now).toISOString() });
  io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  return EXIT_OK;
};
