import fc from 'fast-check';
import type { Design } from '../../../src/engines/design.js';
import { saasDesign } from './fixture.js';

/** Values that have broken text layouts before: wide and zero-width characters, escapes, line breaks. */
const NASTY = [
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇺🇸🇫',
  '🏽',
  '漢字テキストの長い行',
  '中'.repeat(60),
  'x'.repeat(500),
  'Ｗｉｄｅ',
  'e\u0301',
  '\u0301',
  '\u200b',
  '\u200d',
  '\u0600',
  '\u1100',
  'ﾞ',
  '',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\u001b[31mred\u001b[0m',
  '\u202e',
  '\u2028',
  '|',
  '│',
  '─────',
  '\\|',
];

/** Any string a person might type or paste, biased towards the ones that break layouts. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((parts) => parts.join('')),
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })), {
      maxLength: 10,
    })
    .map((parts) => parts.join(' ')),
);

const texts = fc.array(anyText, { maxLength: 4 });
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

/** The fixture company with arbitrary text in every value a person can type, and arbitrary percentages. */
export const anyDesign: fc.Arbitrary<Design> = fc
  .record({
    business: anyText,
    industries: texts,
    companySize: anyText,
    annualRevenue: anyText,
    geography: texts,
    painPoints: texts,
    buyingTriggers: texts,
    sourceNames: fc.array(anyText, { minLength: 1, maxLength: 4 }),
    frameworkName: anyText,
    criteria: fc.array(fc.record({ name: anyText, requirement: anyText, question: anyText }), {
      maxLength: 5,
    }),
    conditions: texts,
    stages: fc.array(fc.record({ name: anyText, exitCriteria: anyText, probability: percent }), {
      minLength: 1,
      maxLength: 7,
    }),
    funnel: fc.array(fc.record({ stage: anyText, percent }), { maxLength: 7 }),
    fieldNames: texts,
    templateBody: anyText,
    health: fc.double({ min: 0, max: 10, noNaN: true }),
    assumptions: fc.array(fc.record({ path: anyText, value: anyText, reason: anyText }), { maxLength: 3 }),
  })
  .map((r) => {
    const design = saasDesign();
    design.business = r.business;
    design.overview.health.score = r.health;
    design.icp = {
      industries: r.industries,
      companySize: r.companySize,
      annualRevenue: r.annualRevenue,
      geography: r.geography,
      painPoints: r.painPoints,
      buyingTriggers: r.buyingTriggers,
    };
    design.leadSources = r.sourceNames.map((name, i) => ({
      name,
      volumePerMonth: 10 * i,
      quality: 'Med',
      cac: 99,
    }));
    design.qualification.frameworkName = r.frameworkName;
    design.qualification.criteria = r.criteria.map((c) => ({
      name: c.name,
      requirement: c.requirement,
      questions: [c.question],
    }));
    design.qualification.conditions = r.conditions;
    design.stages = r.stages.map((s) => ({ ...s, journey: 'decision' }));
    design.funnel = r.funnel;
    for (const object of design.crm.objects) {
      object.fields = r.fieldNames.map((name) => ({
        name,
        type: 'text',
        required: true,
        automatic: false,
        description: name,
      }));
    }
    for (const step of design.followUp.steps)
      step.template = { subject: r.templateBody, body: r.templateBody };
    design.assumptions = r.assumptions;
    return design;
  });

/** The values the text blueprint shows as they were given (the framework name is shown in capitals). */
export function shownValues(design: Design): string[] {
  return [
    design.business,
    ...design.icp.industries,
    design.icp.companySize,
    design.icp.annualRevenue,
    ...design.icp.geography,
    ...design.icp.painPoints,
    ...design.icp.buyingTriggers,
    ...design.leadSources.map((s) => s.name),
    ...design.qualification.criteria.flatMap((c) => [c.name, c.requirement]),
    ...design.qualification.conditions,
    ...design.stages.flatMap((s) => [s.name, s.exitCriteria]),
    ...design.funnel.map((f) => f.stage),
    ...design.crm.objects.flatMap((o) => o.fields.map((f) => f.name)),
    ...design.assumptions.flatMap((a) => [a.path, a.value, a.reason]),
  ];
}
