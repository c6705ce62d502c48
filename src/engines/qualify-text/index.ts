/** Inline qualification answers as reps type them: tokens, amounts, dates and periods, and levels per criterion. */

export { type Money, parseMoney } from '../money.js';
export { formatAmount } from './format.js';
export { chooseFramework, type FrameworkChoice, type FrameworkChoiceInput } from './framework-choice.js';
export {
  answersEveryCriterion,
  cleanDomain,
  companyProblem,
  type InlineContext,
  type InlineQualify,
  LEAD_FIELDS,
  MAX_DOMAIN_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SOURCE_LENGTH,
  MAX_THEIR_PAIN_LENGTH,
  parseInlineQualify,
  readInlineQualify,
} from './inline.js';
export { type ReadContext, type ReadResult, readCriterionValue } from './read-value.js';
export { type CriterionReader, READERS, readerFor, type WordRule } from './readers.js';
export { type InlinePair, type InlineTokens, tokenizeQualifyText } from './tokens.js';
export { type Clock, exampleDate, parseWhen, type When } from './when.js';
