import { describe, expect, it } from 'vitest';
import { renderTemplate, templateProblems, templateVariables } from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

const LEAD = {
  first_name: 'Dana',
  company: 'Acme',
  pain_point: 'manual pipeline reporting',
  sender_name: 'Sam',
};

describe('renderTemplate', () => {
  it.each([
    { text: 'Hi {{first_name}} at {{company}}', out: 'Hi Dana at Acme' },
    { text: 'Hi {{ first_name }}', out: 'Hi Dana' },
    { text: 'Hi {{First_Name}}', out: 'Hi Dana' },
    { text: '{{first_name}}, {{first_name}}!', out: 'Dana, Dana!' },
    { text: 'No variables at all.', out: 'No variables at all.' },
    { text: 'Costs of {{pain_point}}', out: 'Costs of manual pipeline reporting' },
  ])('renders "$text"', ({ text, out }) => {
    expect(renderTemplate(text, LEAD)).toBe(out);
  });

  it('inserts values literally, even ones that look like replacement patterns', () => {
    expect(renderTemplate('Hi {{first_name}}', { first_name: '$& $1 {{company}}' })).toBe(
      'Hi $& $1 {{company}}',
    );
  });

  it('lists every missing or blank variable instead of rendering a blank', () => {
    const problems = problemsOf(() =>
      renderTemplate('Hi {{first_name}} at {{company}} about {{pain_point}}, {{sender_name}}', {
        first_name: '',
        company: '   ',
        sender_name: 'Sam',
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['first_name', 'company', 'pain_point']);
    expect(problems[0]?.message).toContain('{{first_name}}');
  });

  it('does not mistake Object.prototype members for variables', () => {
    expect(problemsOf(() => renderTemplate('{{constructor}}', {})).map((p) => p.path)).toEqual([
      'constructor',
    ]);
  });

  it.each([
    { text: 'Hi {{first name}}', message: '"{{first name}}" is not a variable' },
    { text: 'Hi {{}}', message: '"{{}}" is not a variable' },
    { text: 'Hi {{first_name', message: 'without its partner' },
    { text: 'Hi first_name}}', message: 'without its partner' },
  ])('reports malformed syntax in "$text"', ({ text, message }) => {
    const problems = problemsOf(() => renderTemplate(text, LEAD));
    expect(problems).toContainEqual({ path: 'template', message: expect.stringContaining(message) });
  });
});

describe('templateVariables', () => {
  it.each([
    { text: 'Hi {{first_name}} at {{company}}, {{first_name}}', vars: ['first_name', 'company'] },
    { text: '{{ pain_point }} and {{SENDER_NAME}}', vars: ['pain_point', 'sender_name'] },
    { text: 'plain text', vars: [] },
    { text: 'broken {{first name}} is not counted', vars: [] },
  ])('reads $vars from "$text"', ({ text, vars }) => {
    expect(templateVariables(text)).toEqual(vars);
  });
});

describe('templateProblems', () => {
  it('accepts a template that uses only known variables', () => {
    expect(templateProblems('Hi {{first_name}} from {{sender_company}}')).toEqual([]);
  });

  it('names unknown variables and the ones that exist', () => {
    const [problem] = templateProblems('Hi {{firstname}} at {{org}}');
    expect(problem).toContain('{{firstname}}, {{org}}');
    expect(problem).toContain('first_name');
  });
});
