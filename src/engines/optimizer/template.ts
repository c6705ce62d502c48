import { InputError, type Problem } from '../../errors.js';

/** The variables a follow-up template may use, with what each one holds. */
export const TEMPLATE_VARIABLES = [
  { name: 'first_name', description: "the lead's first name" },
  { name: 'last_name', description: "the lead's last name" },
  { name: 'company', description: "the lead's company" },
  { name: 'title', description: "the lead's job title" },
  { name: 'industry', description: "the lead's industry" },
  { name: 'pain_point', description: 'the pain the lead mentioned, or the ICP pain point' },
  { name: 'sender_name', description: "the rep's name" },
  { name: 'sender_company', description: "the rep's company" },
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]['name'];

export const KNOWN_VARIABLES: readonly string[] = TEMPLATE_VARIABLES.map((v) => v.name);

/** `{{name}}` with optional spaces inside the braces; anything between the braces is captured for checking. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[a-z][a-z0-9_]*$/;

interface ParsedTemplate {
  variables: string[];
  problems: string[];
}

/** Reads the placeholders of a template: `{{ First_Name }}` is read as `first_name`; malformed ones are problems. */
function parseTemplate(text: string): ParsedTemplate {
  const variables: string[] = [];
  const problems: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = normalise(match[1] ?? '');
    if (!NAME.test(name)) {
      problems.push(`"${match[0]}" is not a variable; write names like {{first_name}}`);
    } else if (!variables.includes(name)) {
      variables.push(name);
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    problems.push('has a "{{" or "}}" without its partner; write variables like {{first_name}}');
  }
  return { variables, problems };
}

function normalise(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Own keys only, so `{{constructor}}` never picks up something from Object.prototype. */
function lookup(vars: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The distinct variable names a template uses, in order of first appearance. */
export function templateVariables(text: string): string[] {
  return parseTemplate(text).variables;
}

/** What is wrong with a template's syntax and variables, one message per problem; empty when it is fine. */
export function templateProblems(text: string, known: readonly string[] = KNOWN_VARIABLES): string[] {
  const { variables, problems } = parseTemplate(text);
  const unknown = variables.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    const list = unknown.map((v) => `{{${v}}}`).join(', ');
    problems.push(
      `uses unknown ${unknown.length === 1 ? 'variable' : 'variables'} ${list}; use ${known.join(', ')}`,
    );
  }
  return problems;
}

/**
 * Fills a template's variables; a variable that is missing or blank is an InputError listing every one of
 * them, because a follow-up that says "Hi ," is worse than no follow-up.
 */
export function renderTemplate(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  const { variables, problems: syntax } = parseTemplate(text);
  const problems: Problem[] = syntax.map((message) => ({ path: 'template', message }));
  for (const name of variables) {
    if (lookup(vars, name).trim() === '') {
      problems.push({
        path: name,
        message: `is missing or empty; fill it in on the lead or take {{${name}}} out of the template`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return text.replace(PLACEHOLDER, (_, raw: string) => lookup(vars, normalise(raw)));
}
