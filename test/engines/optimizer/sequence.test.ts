import { describe, expect, it } from 'vitest';
import {
  assignVariant,
  DEFAULT_SEQUENCE,
  followUpSummary,
  KNOWN_VARIABLES,
  LINKEDIN_NOTE_LIMIT,
  parseSequence,
  renderTemplate,
  type Sequence,
  sequenceFromIntake,
  sequenceSchema,
  stepKey,
  templateFor,
  templateVariables,
} from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

const ALL_VARIABLES = Object.fromEntries(KNOWN_VARIABLES.map((name) => [name, `<${name}>`]));

const email = {
  channel: 'email',
  day: 2,
  template: { subject: 'Hi {{first_name}}', body: 'Body {{company}}' },
};

function withSteps(steps: unknown[]): unknown {
  return { id: 'outbound-q3', name: 'Outbound Q3', steps };
}

describe('DEFAULT_SEQUENCE', () => {
  it("follows the seed's cadence: Email 2, Call 4, Email 7, LinkedIn 10, Break-up 14", () => {
    expect(DEFAULT_SEQUENCE.steps.map((s) => [s.channel, s.day])).toEqual([
      ['email', 2],
      ['call', 4],
      ['email', 7],
      ['linkedin', 10],
      ['breakup', 14],
    ]);
  });

  it('passes its own schema', () => {
    expect(sequenceSchema.safeParse(DEFAULT_SEQUENCE).success).toBe(true);
  });

  it('gives the two e-mails different templates and ends with "Should I close your file?"', () => {
    const [first, , second, , breakup] = DEFAULT_SEQUENCE.steps;
    expect(first?.template.subject).not.toBe(second?.template.subject);
    expect(breakup?.template.subject).toBe('Should I close your file?');
  });

  it.each(DEFAULT_SEQUENCE.steps.map((step) => [step.channel, step.day, step]))(
    'the %s template of day %i renders completely with every variable filled',
    (_, __, step) => {
      const rendered = [step.template.subject ?? '', step.template.body].map((t) =>
        renderTemplate(t, ALL_VARIABLES),
      );
      expect(rendered.join('\n')).not.toMatch(/\{\{|\}\}/);
      expect(templateVariables(step.template.body)).toContain('first_name');
    },
  );

  it('keeps the LinkedIn note under the 300-character limit', () => {
    const note = DEFAULT_SEQUENCE.steps.find((s) => s.channel === 'linkedin');
    expect(note?.template.body.length).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMIT);
  });
});

describe('followUpSummary', () => {
  it('numbers the steps and uses the blueprint labels', () => {
    const summary = followUpSummary(DEFAULT_SEQUENCE);
    expect(summary.steps.map((s) => `${s.step}: ${s.channel} @ Day ${s.day}`)).toEqual([
      '1: Email @ Day 2',
      '2: Call @ Day 4',
      '3: Email @ Day 7',
      '4: LinkedIn @ Day 10',
      '5: Break-up @ Day 14',
    ]);
    expect(summary.steps[1]?.template).not.toHaveProperty('subject');
  });
});

describe('sequenceFromIntake', () => {
  it('returns the default when the intake has no sequence', () => {
    expect(sequenceFromIntake(undefined)).toBe(DEFAULT_SEQUENCE);
  });

  it('builds the asked-for cadence with default templates: an opener first, a new one for each further e-mail', () => {
    const sequence = sequenceFromIntake([
      { channel: 'email', day: 1 },
      { channel: 'email', day: 3 },
      { channel: 'email', day: 5 },
      { channel: 'email', day: 8 },
      { channel: 'email', day: 10 },
      { channel: 'breakup', day: 12 },
    ]);
    const subjects = sequence.steps.map((s) => s.template.subject);
    expect(new Set(subjects.slice(0, 4)).size).toBe(4);
    expect(subjects[4]).toBe(subjects[3]);
    expect(subjects[5]).toBe('Should I close your file?');
    expect(sequence.steps[0]?.template.body).not.toMatch(/following up|earlier|again/i);
    expect(sequence.steps[1]?.template.body).toMatch(/following up/i);
  });

  it('writes a first call as a first call, not as a follow-up of notes never sent', () => {
    const sequence = sequenceFromIntake([
      { channel: 'call', day: 1 },
      { channel: 'call', day: 3 },
    ]);
    expect(sequence.steps[0]?.template.body).not.toMatch(/sent you/i);
    expect(sequence.steps[1]?.template.body).toMatch(/sent you/i);
  });

  it('allows several touches on one day, SMS among them', () => {
    const sequence = sequenceFromIntake([
      { channel: 'call', day: 1 },
      { channel: 'sms', day: 1 },
      { channel: 'email', day: 1 },
    ]);
    expect(sequence.steps.map((s) => [s.channel, s.day])).toEqual([
      ['call', 1],
      ['sms', 1],
      ['email', 1],
    ]);
  });

  it("reports days that go back on the intake's own path", () => {
    const problems = problemsOf(() =>
      sequenceFromIntake([
        { channel: 'email', day: 5 },
        { channel: 'call', day: 4 },
      ]),
    );
    expect(problems).toEqual([
      { path: 'sequence[1].day', message: expect.stringContaining('days must not go back') },
    ]);
  });
});

describe('sequenceSchema', () => {
  const fourteenSteps = Array.from({ length: 13 }, (_, i) => ({ ...email, day: i + 1 }));
  it.each([
    { name: 'day 0', steps: [{ ...email, day: 0 }], path: 'steps[0].day', text: 'day 1 or later' },
    { name: 'day 366', steps: [{ ...email, day: 366 }], path: 'steps[0].day', text: 'day 365 or earlier' },
    { name: 'half a day', steps: [{ ...email, day: 2.5 }], path: 'steps[0].day', text: 'whole number' },
    { name: 'no steps', steps: [], path: 'steps', text: 'at least one step' },
    { name: 'thirteen steps', steps: fourteenSteps, path: 'steps', text: 'more than 12 steps' },
    {
      name: 'days going backwards',
      steps: [email, { ...email, day: 1 }],
      path: 'steps[1].day',
      text: "after step 1's day 2",
    },
    {
      name: 'an empty body',
      steps: [{ ...email, template: { subject: 'Hi', body: '  ' } }],
      path: 'steps[0].template.body',
      text: 'must not be empty',
    },
    {
      name: 'an unknown variable',
      steps: [{ ...email, template: { subject: 'Hi', body: 'Hi {{nickname}}' } }],
      path: 'steps[0].template.body',
      text: 'unknown variable {{nickname}}',
    },
    {
      name: 'an e-mail without a subject',
      steps: [{ ...email, template: { body: 'Hi' } }],
      path: 'steps[0].template.subject',
      text: 'required for email steps',
    },
    {
      name: 'a call with a subject',
      steps: [{ channel: 'call', day: 3, template: { subject: 'Call', body: 'Script' } }],
      path: 'steps[0].template.subject',
      text: 'remove it',
    },
    {
      name: 'a LinkedIn note over 300 characters',
      steps: [{ channel: 'linkedin', day: 3, template: { body: 'x'.repeat(301) } }],
      path: 'steps[0].template.body',
      text: 'LinkedIn notes allow 300',
    },
    {
      name: 'a broken variant',
      steps: [{ ...email, variants: { a: email.template, b: { subject: 'B', body: 'Hi {{first name}}' } } }],
      path: 'steps[0].variants.b.body',
      text: 'is not a variable',
    },
    {
      name: 'an unknown channel',
      steps: [{ ...email, channel: 'fax' }],
      path: 'steps[0].channel',
      text: 'email, call, linkedin, sms, breakup',
    },
  ])('rejects $name, saying how to fix it', ({ steps, path, text }) => {
    const problems = problemsOf(() => parseSequence(withSteps(steps)));
    expect(problems).toContainEqual({ path, message: expect.stringContaining(text) });
  });

  it('rejects an id with spaces or capitals', () => {
    const problems = problemsOf(() => parseSequence({ id: 'Outbound Q3', name: 'x', steps: [email] }));
    expect(problems[0]?.path).toBe('id');
  });

  it('accepts twelve steps with variants and trims the text', () => {
    const steps: unknown[] = Array.from({ length: 12 }, (_, i) => ({ ...email, day: i + 1 }));
    const variants = {
      a: { subject: 'A', body: 'Hi {{first_name}}' },
      b: { subject: 'B', body: 'Hello {{ first_name }}' },
    };
    steps[0] = { ...email, day: 1, template: { subject: ' Hi ', body: ' Body ' }, variants };
    const parsed = parseSequence(withSteps(steps));
    expect(parsed.steps).toHaveLength(12);
    expect(parsed.steps[0]?.template).toEqual({ subject: 'Hi', body: 'Body' });
    expect(parsed.steps[0]?.variants).toEqual(variants);
    expect(parsed.steps[1]).not.toHaveProperty('variants');
  });
});

describe('templateFor', () => {
  const tested: Sequence = {
    id: 'abtest',
    name: 'A/B',
    steps: [
      {
        channel: 'email',
        day: 2,
        template: { subject: 'A', body: 'A body' },
        variants: { a: { subject: 'A', body: 'A body' }, b: { subject: 'B', body: 'B body' } },
      },
      { channel: 'call', day: 4, template: { body: 'Script' } },
    ],
  };

  it("gives each lead the variant assignVariant picks for the step's key, every time", () => {
    for (const lead of ['lead-1', 'lead-2', 'lead-3', 'lead-4']) {
      const variant = assignVariant(lead, stepKey(tested, 0));
      expect(templateFor(tested, 0, lead)).toEqual({
        template: tested.steps[0]?.variants?.[variant],
        variant,
      });
    }
  });

  it('uses the step template when the step is not under test', () => {
    expect(templateFor(tested, 1, 'lead-1')).toEqual({ template: { body: 'Script' } });
  });

  it('rejects a step that does not exist', () => {
    expect(problemsOf(() => templateFor(tested, 2, 'lead-1'))[0]?.message).toBe('must be 1 to 2');
  });
});
