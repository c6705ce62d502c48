import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { readAmount } from '../../engines/money.js';
import {
  type Answer,
  type Framework,
  getFramework,
  startingLevel,
} from '../../engines/qualification/index.js';
import {
  cleanDomain,
  companyProblem,
  MAX_NAME_LENGTH,
  MAX_THEIR_PAIN_LENGTH,
} from '../../engines/qualify-text/index.js';
import type { FrameworkId } from '../../engines/types.js';
import { fieldErrors } from '../field-errors.js';
import { AMOUNT_LABEL, evidenceBlockId, levelBlockId, QUALIFY_VIEW } from './ids.js';
import { MAX_EVIDENCE_LENGTH } from './modal.js';

type Values = ViewOutput['state']['values'];

/** The qualify modal as submitted: the lead's fields and the answers by criterion id. */
export interface QualifySubmission {
  company: string;
  contact?: string;
  domain?: string;
  amount?: number;
  theirPain?: string;
  answers: Record<string, Answer>;
}

/** Either the submission, or one message per input block for `response_action: 'errors'`. */
export type SubmissionResult =
  | { ok: true; data: QualifySubmission }
  | { ok: false; errors: Record<string, string> };

const { blocks: ids, actions } = QUALIFY_VIEW;

/** Trimmed text, with an empty field read as not given. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

function schemaFor(framework: Framework) {
  const company = 'Enter the company you are qualifying, e.g. Acme Co.';
  const shape: Record<string, z.ZodType> = {
    [ids.company]: z
      .string({ error: company })
      .trim()
      .min(1, company)
      .max(MAX_NAME_LENGTH, `Keep the company name to ${MAX_NAME_LENGTH} characters.`)
      .refine((c) => companyProblem(c) === undefined, 'The company name needs a letter or digit.'),
    [ids.contact]: optionalText.pipe(z.string().max(MAX_NAME_LENGTH).optional()),
    [ids.domain]: optionalText
      .transform((v) => (v === undefined ? undefined : (cleanDomain(v) ?? null)))
      .refine((v) => v !== null, 'Enter a domain such as acme.com, or leave it empty.'),
    [ids.theirPain]: optionalText.pipe(
      z
        .string()
        .max(MAX_THEIR_PAIN_LENGTH, `Keep their words to ${MAX_THEIR_PAIN_LENGTH} characters.`)
        .optional(),
    ),
    [ids.amount]: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const read = readAmount(AMOUNT_LABEL, v);
      if ('value' in read) return read.value.amount;
      ctx.addIssue({ code: 'custom', message: `${read.error}, or leave it empty` });
      return z.NEVER;
    }),
  };
  for (const criterion of framework.criteria) {
    const levels = criterion.levels.map((l) => l.id);
    shape[levelBlockId(criterion.id)] = z
      .enum(levels as [string, ...string[]], { error: `Choose one of the ${criterion.name} levels.` })
      .optional();
    shape[evidenceBlockId(criterion.id)] = optionalText.pipe(
      z.string().max(MAX_EVIDENCE_LENGTH, `Keep the note to ${MAX_EVIDENCE_LENGTH} characters.`).optional(),
    );
  }
  return z.object(shape);
}

function rawValues(values: Values, framework: Framework): Record<string, string | undefined> {
  const text = (block: string, action: string) => values[block]?.[action]?.value ?? undefined;
  const raw: Record<string, string | undefined> = {
    [ids.company]: text(ids.company, actions.company) ?? '',
    [ids.contact]: text(ids.contact, actions.contact),
    [ids.domain]: text(ids.domain, actions.domain),
    [ids.amount]: text(ids.amount, actions.amount),
    [ids.theirPain]: text(ids.theirPain, actions.theirPain),
  };
  for (const c of framework.criteria) {
    raw[levelBlockId(c.id)] =
      values[levelBlockId(c.id)]?.[actions.level]?.selected_option?.value ?? undefined;
    raw[evidenceBlockId(c.id)] = text(evidenceBlockId(c.id), actions.evidence);
  }
  return raw;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Reads the submitted modal against its framework; a note without a level keeps the criterion at its start. */
export function readQualifySubmission(values: Values, frameworkId: FrameworkId): SubmissionResult {
  const framework = getFramework(frameworkId);
  const parsed = schemaFor(framework).safeParse(rawValues(values, framework));
  if (!parsed.success) {
    return { ok: false, errors: fieldErrors(parsed.error) };
  }
  const data = parsed.data;
  const answers: Record<string, Answer> = {};
  for (const c of framework.criteria) {
    const level = str(data[levelBlockId(c.id)]);
    const evidence = str(data[evidenceBlockId(c.id)]);
    if (level === undefined && evidence === undefined) continue;
    answers[c.id] = { level: level ?? startingLevel(c).id, ...(evidence ? { evidence } : {}) };
  }
  const contact = str(data[ids.contact]);
  const domain = str(data[ids.domain]);
  const amount = num(data[ids.amount]);
  const theirPain = str(data[ids.theirPain]);
  return {
    ok: true,
    data: {
      company: str(data[ids.company]) ?? '',
      ...(contact ? { contact } : {}),
      ...(domain ? { domain } : {}),
      ...(amount === undefined ? {} : { amount }),
      ...(theirPain ? { theirPain } : {}),
      answers,
    },
  };
}
