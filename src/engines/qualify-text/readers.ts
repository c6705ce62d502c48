import type { FrameworkId } from '../types.js';

/** Words and phrases that stand for one rubric level, e.g. `vp` or `economic buyer` for a confirmed Authority. */
export interface WordRule {
  level: string;
  words: readonly string[];
}

/** How one criterion's free-form value maps to a level; rules are tried in order, the first match wins. */
export type CriterionReader =
  | { kind: 'words'; words: readonly WordRule[]; examples: readonly string[] }
  | {
      kind: 'money';
      words: readonly WordRule[];
      /** The level for an amount that covers the deal size, or any amount when the deal size is unknown. */
      covers: string;
      /** The level for an amount below the deal size. */
      short: string;
      /** The level for an amount of 0. */
      zero: string;
      examples: readonly string[];
    }
  | {
      kind: 'date';
      words: readonly WordRule[];
      /** Ascending: a date within `days` of today gets `level`. */
      within: readonly { days: number; level: string }[];
      /** The level for a date beyond every `within`. */
      later: string;
      examples: readonly string[];
    };

const TITLES_CONFIRMED = [
  'c level',
  'c suite',
  'cxo',
  'ceo',
  'cfo',
  'cto',
  'coo',
  'cio',
  'cmo',
  'cro',
  'cpo',
  'ciso',
  'chief',
  'president',
  'vp',
  'svp',
  'evp',
  'vice president',
  'owner',
  'founder',
  'cofounder',
  'co founder',
  'director',
  'head of',
  'general manager',
  'gm',
  'partner',
  'economic buyer',
  'decision maker',
];
const TITLES_PARTIAL = [
  'manager',
  'champion',
  'influencer',
  'team lead',
  'lead',
  'supervisor',
  'coordinator',
  'specialist',
  'analyst',
  'engineer',
  'admin',
  'administrator',
  'consultant',
  'associate',
  'user',
];
const TITLES_RED_FLAG = ['intern', 'student', 'no access', 'none', 'nobody', 'gatekeeper'];

/** Who the contact is, read as a decision maker (confirmed), an influencer (partial) or no access (red flag). */
function authority(redFlag: string, partial: string, confirmed: string): CriterionReader {
  return {
    kind: 'words',
    words: [
      { level: redFlag, words: TITLES_RED_FLAG },
      // "general manager" is checked before "manager", so the longer title decides.
      { level: confirmed, words: TITLES_CONFIRMED },
      { level: partial, words: TITLES_PARTIAL },
    ],
    examples: ['vp', 'manager', 'intern'],
  };
}

function budget(levels: { redFlag: string; partial: string; confirmed: string }): CriterionReader {
  return {
    kind: 'money',
    words: [
      { level: levels.redFlag, words: ['none', 'no budget', 'no', 'zero', 'nothing'] },
      {
        level: levels.partial,
        words: [
          'not approved',
          'not yet approved',
          'unapproved',
          'exploring',
          'pending',
          'in progress',
          'requested',
          'range',
          'tbd',
          'maybe',
          'planning',
        ],
      },
      {
        level: levels.confirmed,
        words: ['approved', 'allocated', 'signed off', 'funded', 'budgeted', 'in budget', 'yes'],
      },
    ],
    covers: levels.confirmed,
    short: levels.partial,
    zero: levels.redFlag,
    examples: ['50k', '$1.2m', 'approved'],
  };
}

const BANT_READERS: Record<string, CriterionReader> = {
  budget: budget({ redFlag: 'red_flag', partial: 'partial', confirmed: 'confirmed' }),
  authority: authority('red_flag', 'partial', 'confirmed'),
  need: {
    kind: 'words',
    words: [
      { level: 'red_flag', words: ['low', 'none', 'no', 'no pain', 'no need', 'not a priority'] },
      {
        level: 'confirmed',
        words: ['high', 'critical', 'urgent', 'severe', 'top priority', 'must have', 'burning'],
      },
      { level: 'partial', words: ['medium', 'moderate', 'mid', 'some', 'nice to have'] },
    ],
    examples: ['high', 'medium', 'low'],
  },
  timeline: {
    kind: 'date',
    words: [
      { level: 'red_flag', words: ['no timeline', 'never', 'none', 'no date', 'no deadline'] },
      { level: 'confirmed', words: ['asap', 'immediately', 'urgent'] },
    ],
    within: [
      { days: 90, level: 'confirmed' },
      { days: 365, level: 'partial' },
    ],
    later: 'unknown',
    examples: ['"next quarter"'],
  },
};

const SANDLER_READERS: Record<string, CriterionReader> = {
  budget: budget({ redFlag: 'none', partial: 'discussed', confirmed: 'confirmed' }),
  decision: authority('no_access', 'partial', 'confirmed'),
};

/** Per framework, the criteria whose values can be written as amounts, dates or words besides their levels. */
export const READERS: Partial<Record<FrameworkId, Readonly<Record<string, CriterionReader>>>> = {
  bant: BANT_READERS,
  sandler: SANDLER_READERS,
};

/** The reader of one criterion, if its framework has one. */
export function readerFor(framework: FrameworkId, criterion: string): CriterionReader | undefined {
  return READERS[framework]?.[criterion];
}
