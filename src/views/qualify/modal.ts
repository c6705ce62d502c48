import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { truncate } from '../../blocks/limits.js';
import type { Answer, Criterion, Level } from '../../engines/qualification/index.js';
import { getFramework } from '../../engines/qualification/index.js';
import {
  formatAmount,
  MAX_DOMAIN_LENGTH,
  MAX_NAME_LENGTH,
  MAX_THEIR_PAIN_LENGTH,
} from '../../engines/qualify-text/index.js';
import type { FrameworkId } from '../../engines/types.js';
import { escapeMrkdwn } from '../../slack/reply.js';
import { evidenceBlockId, levelBlockId, QUALIFY_VIEW } from './ids.js';
import { encodeMetadata, type QualifyMetadata } from './metadata.js';

/** Longest evidence note per criterion; eight notes this long still fit a scorecard message. */
export const MAX_EVIDENCE_LENGTH = 500;

/** What the modal opens with: the framework, why it was chosen, and whatever is already known about the lead. */
export interface QualifyModalInput {
  framework: FrameworkId;
  /** Where the framework came from, e.g. "the workspace setting". */
  frameworkReason: string;
  company?: string | undefined;
  contact?: string | undefined;
  domain?: string | undefined;
  amount?: number | undefined;
  theirPain?: string | undefined;
  answers?: Readonly<Record<string, Answer>> | undefined;
  metadata: QualifyMetadata;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function levelOption(level: Level): PlainTextOption {
  return {
    text: plain(truncate(level.disqualifies ? `${level.label} (red flag)` : level.label, 75)),
    description: plain(truncate(level.description, 75)),
    value: level.id,
  };
}

function textInput(
  blockId: string,
  actionId: string,
  label: string,
  options: {
    initial?: string | undefined;
    max: number;
    placeholder?: string;
    optional?: boolean;
    hint?: string;
  },
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? true,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      max_length: options.max,
      ...(options.initial ? { initial_value: truncate(options.initial, options.max) } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
    },
  };
}

function criterionBlocks(criterion: Criterion, answer: Answer | undefined): InputBlock[] {
  const options = criterion.levels.map(levelOption);
  const initial = options.find((o) => o.value === answer?.level);
  return [
    {
      type: 'input',
      block_id: levelBlockId(criterion.id),
      optional: true,
      label: plain(criterion.name),
      hint: plain(truncate(`${criterion.requirement}. Ask: ${criterion.questions[0] ?? ''}`, 2000)),
      element: {
        type: 'static_select',
        action_id: QUALIFY_VIEW.actions.level,
        placeholder: plain('Not discussed yet'),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    },
    {
      type: 'input',
      block_id: evidenceBlockId(criterion.id),
      optional: true,
      label: plain(`${criterion.name}: evidence`),
      element: {
        type: 'plain_text_input',
        action_id: QUALIFY_VIEW.actions.evidence,
        multiline: true,
        max_length: MAX_EVIDENCE_LENGTH,
        placeholder: plain(truncate('What did they say or show that backs this up?', 150)),
        ...(answer?.evidence ? { initial_value: truncate(answer.evidence, MAX_EVIDENCE_LENGTH) } : {}),
      },
    },
  ];
}

/** The qualify modal: the lead, one level select and evidence note per criterion, then contact, domain and amount. */
export function buildQualifyModal(input: QualifyModalInput): ModalView {
  const framework = getFramework(input.framework);
  const { blocks: ids, actions } = QUALIFY_VIEW;
  const example = escapeMrkdwn(truncate(input.company ?? 'Acme', 60));
  const intro = `*${framework.name}* (v${framework.version}), from ${escapeMrkdwn(input.frameworkReason)}. ${framework.rule.describe}. For another framework: \`/sales-ops qualify ${example} framework=meddic\``;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(intro, 3000) }] },
    textInput(ids.company, actions.company, 'Company', {
      initial: input.company,
      max: MAX_NAME_LENGTH,
      optional: false,
    }),
    ...framework.criteria.flatMap((c) => criterionBlocks(c, input.answers?.[c.id])),
    { type: 'divider' },
    textInput(ids.contact, actions.contact, 'Contact', { initial: input.contact, max: MAX_NAME_LENGTH }),
    textInput(ids.domain, actions.domain, 'Company domain', {
      initial: input.domain,
      max: MAX_DOMAIN_LENGTH,
      placeholder: 'acme.com',
    }),
    textInput(ids.amount, actions.amount, 'Deal amount', {
      initial: input.amount === undefined ? undefined : formatAmount({ amount: input.amount }),
      max: 40,
      placeholder: '50k or $1.2m',
    }),
    textInput(ids.theirPain, actions.theirPain, 'Their pain, in their words', {
      initial: input.theirPain,
      max: MAX_THEIR_PAIN_LENGTH,
      placeholder: 'month-end close takes two weeks',
      hint: 'What the buyer said, as they would recognise it. Follow-up e-mails may quote this; your notes above stay private.',
    }),
  ];
  return {
    type: 'modal',
    callback_id: QUALIFY_VIEW.callbackId,
    title: plain('Qualify a lead'),
    submit: plain('Score lead'),
    close: plain('Cancel'),
    private_metadata: encodeMetadata(input.metadata),
    blocks,
  };
}
