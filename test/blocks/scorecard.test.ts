import { describe, expect, it } from 'vitest';
import { leadsHomeBlocks } from '../../src/blocks/leads-home.js';
import { checkMessage, checkView } from '../../src/blocks/limits.js';
import { renderScorecard, type ScorecardInput } from '../../src/blocks/scorecard.js';
import type { Lead } from '../../src/engines/lead.js';
import { designStages } from '../../src/engines/pipeline/index.js';
import { FRAMEWORKS, qualify } from '../../src/engines/qualification/index.js';
import { buildDisqualifyModal } from '../../src/views/qualify/disqualify.js';
import { SCORECARD_ACTIONS } from '../../src/views/qualify/ids.js';
import { buildQualifyModal, MAX_EVIDENCE_LENGTH } from '../../src/views/qualify/modal.js';

const STAGES = designStages({ model: 'field', framework: 'bant' }).map((s) => s.name);
const LONG = `${'<Evidence & more> '.repeat(40)}`.slice(0, MAX_EVIDENCE_LENGTH);
const lead = {
  id: `d:${'a'.repeat(190)}.com`,
  company: 'C'.repeat(120),
  stage: 'Lead',
  ownerId: 'U0REP',
  contact: 'N'.repeat(120),
  domain: `${'a'.repeat(190)}.com`,
  amount: 123_456_789.5,
};

function input(overrides: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    scorecard: qualify({
      framework: 'bant',
      answers: {
        budget: { level: 'red_flag', evidence: 'No money <at all> & no plan' },
        need: { level: 'confirmed' },
      },
    }),
    lead: { id: 'c:acme', company: 'Acme & Sons', stage: 'Lead', ownerId: 'U0REP' },
    stages: STAGES,
    mode: 'rep',
    shareable: true,
    ...overrides,
  };
}

const text = (value: unknown) => JSON.stringify(value);

describe('renderScorecard', () => {
  it('shows each criterion with its evidence, escaped, and marks red flags', () => {
    const { blocks } = renderScorecard(input());
    expect(text(blocks)).toContain(':triangular_flag_on_post: *Budget*: Red flag (0/1)');
    expect(text(blocks)).toContain('> No money &lt;at all&gt; &amp; no plan');
    expect(text(blocks)).toContain('*Need*: Confirmed (1/1)\\n_no evidence recorded_');
    expect(text(blocks)).toContain('*Authority*: Unknown (0/1)\\n_not discussed yet_');
    expect(text(blocks)).toContain('*Disqualification reasons*');
    expect(text(blocks)).toContain('Acme & Sons · BANT scorecard');
  });

  it('carries the lead id on every button and the stage menu, without the current stage', () => {
    const { blocks } = renderScorecard(input());
    const actions = blocks.at(-1);
    expect(actions?.type).toBe('actions');
    expect(actions?.block_id).toBe('scorecard_actions:c:acme');
    const elements = actions?.type === 'actions' ? actions.elements : [];
    expect(elements.map((e) => ('action_id' in e ? e.action_id : ''))).toEqual([
      SCORECARD_ACTIONS.share,
      SCORECARD_ACTIONS.startSequence,
      SCORECARD_ACTIONS.moveStage,
      SCORECARD_ACTIONS.update,
      SCORECARD_ACTIONS.disqualify,
    ]);
    expect(
      elements.filter((e) => e.type === 'button').every((e) => 'value' in e && e.value === 'c:acme'),
    ).toBe(true);
    expect(text(elements)).not.toContain('"value":"Lead"');
  });

  it('leaves the buttons off the shared card and the share button off a DM card', () => {
    expect(
      renderScorecard(input({ mode: 'shared', sharedBy: 'U2' })).blocks.some((b) => b.type === 'actions'),
    ).toBe(false);
    expect(text(renderScorecard(input({ shareable: false })).blocks)).not.toContain(SCORECARD_ACTIONS.share);
  });

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))(
    'stays within Slack’s message limits for %s with every field at its longest',
    (_id, framework) => {
      const answers = Object.fromEntries(
        framework.criteria.map((c) => [c.id, { level: c.levels[0]?.id ?? '', evidence: LONG }]),
      );
      const message = renderScorecard({
        scorecard: qualify({ framework: framework.id, answers }),
        lead: { ...lead, disqualified: { reason: 'R'.repeat(400), by: 'U1' } },
        stages: STAGES,
        mode: 'rep',
        shareable: true,
      });
      expect(checkMessage(message)).toEqual({ ok: true });
    },
  );
});

describe('the qualify and disqualify modals', () => {
  it.each(FRAMEWORKS.map((f) => [f.id] as const))(
    'the %s modal is one Slack accepts, at its fullest',
    (id) => {
      const view = buildQualifyModal({
        framework: id,
        frameworkReason: 'the workspace setting',
        company: lead.company,
        contact: lead.contact,
        domain: lead.domain,
        amount: lead.amount,
        metadata: { framework: id, channelId: 'C1', leadId: lead.id, source: 's'.repeat(60) },
      });
      expect(checkView(view)).toEqual({ ok: true });
    },
  );

  it('the disqualify modal is one Slack accepts', () => {
    expect(checkView(buildDisqualifyModal(lead.company, { framework: 'bant', leadId: lead.id }))).toEqual({
      ok: true,
    });
  });
});

describe('leadsHomeBlocks', () => {
  const at = '2026-11-24T10:00:00.000Z';
  const make = (i: number, stage: string): Lead => ({
    id: `c:lead-${i}`,
    company: `Lead ${i}`,
    ownerId: 'U1',
    framework: 'bant',
    answers: {},
    scoreHistory: [{ at, score: i % 5, maxScore: 4, verdict: 'nurture' }],
    stage,
    stageHistory: [],
    createdAt: at,
    updatedAt: at,
  });

  it('groups a rep’s leads in pipeline order and counts the ones it leaves out', () => {
    const leads = [make(1, 'Proposal'), ...Array.from({ length: 12 }, (_, i) => make(i + 10, 'Lead'))];
    const blocks = leadsHomeBlocks(leads);
    const all = text(blocks);
    expect(all.indexOf('*Lead* (12)')).toBeLessThan(all.indexOf('*Proposal* (1)'));
    expect(all).toContain('_…and 2 more_');
  });

  it('fits the Home tab with hundreds of leads in custom stages', () => {
    const leads = Array.from({ length: 300 }, (_, i) => make(i, `Custom stage ${i % 40}`));
    expect(checkView({ type: 'home', blocks: leadsHomeBlocks(leads) })).toEqual({ ok: true });
  });

  it('says how to qualify a first lead when there are none', () => {
    expect(text(leadsHomeBlocks([]))).toContain('/sales-ops qualify Acme');
  });
});
