import { describe, expect, it } from 'vitest';
import type { Lead } from '../../src/engines/lead.js';
import { engagementOfLead } from '../../src/engines/qualification/lead-engagement.js';
import { InputError, NotFoundError } from '../../src/errors.js';
import type { QualificationInput } from '../../src/store/index.js';
import { createKeys as keysOf } from '../../src/store/keys.js';
import { RECENT_HISTORY } from '../../src/store/leads-read.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const TEAM = 'T0LEADS01';
const at = new Date('2026-11-24T10:00:00.000Z');
const later = new Date('2026-11-25T10:00:00.000Z');
const db = useTestStore();

function qualification(overrides: Partial<QualificationInput> = {}): QualificationInput {
  return {
    company: 'Acme, Inc.',
    framework: 'bant',
    answers: { budget: { level: 'confirmed', evidence: 'Budget $50,000' } },
    score: 1,
    maxScore: 4,
    verdict: 'nurture',
    by: 'U0REP1',
    at,
    firstStage: 'Lead',
    ...overrides,
  };
}

describe('leads store', () => {
  it('creates a lead owned by the rep who qualified it, in the first stage, with one score', async () => {
    const { lead, created } = await db.store.leads.qualify(
      TEAM,
      qualification({ contact: 'Ana Ruiz', amount: 1200 }),
    );
    expect(created).toBe(true);
    expect(lead).toEqual({
      id: 'c:acme',
      company: 'Acme, Inc.',
      contact: { name: 'Ana Ruiz' },
      amount: 1200,
      ownerId: 'U0REP1',
      framework: 'bant',
      answers: { budget: { level: 'confirmed', evidence: 'Budget $50,000' } },
      stage: 'Lead',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      scoreHistory: [{ at: at.toISOString(), score: 1, maxScore: 4, verdict: 'nurture' }],
      stageHistory: [
        { stage: 'Lead', enteredAt: at.toISOString(), by: 'U0REP1', exitCriteriaMet: true, unmet: [] },
      ],
    });
  });

  it('updates "Acme, Inc." when "ACME Corp" is requalified, keeping one lead with two scores', async () => {
    await db.store.leads.qualify(TEAM, qualification());
    const { lead, created } = await db.store.leads.qualify(
      TEAM,
      qualification({
        company: 'ACME Corp',
        by: 'U0REP2',
        at: later,
        score: 3,
        verdict: 'qualified',
        answers: {},
      }),
    );
    expect(created).toBe(false);
    expect(lead).toMatchObject({ id: 'c:acme', company: 'Acme, Inc.', ownerId: 'U0REP1', answers: {} });
    expect(lead.scoreHistory.map((s) => s.verdict)).toEqual(['nurture', 'qualified']);
    expect(lead.stageHistory).toHaveLength(1);
    expect(
      (await keysUnder(db.redis, db.prefix)).filter(
        (k) => /:lead:[^:]+:[^:]+$/.test(k) && !/:(scores|stages)$/.test(k),
      ),
    ).toHaveLength(1);
  });

  it('lets a domain match win over a different name, and a nameless-domain lead adopt its domain', async () => {
    await db.store.leads.qualify(TEAM, qualification({ company: 'Acme', domain: 'acme.com' }));
    const renamed = await db.store.leads.qualify(
      TEAM,
      qualification({ company: 'Acme Widgets Europe', domain: 'acme.com', at: later }),
    );
    expect(renamed.created).toBe(false);
    expect(renamed.lead.id).toBe('d:acme.com');

    await db.store.leads.qualify(TEAM, qualification({ company: 'Beta LLC' }));
    const adopted = await db.store.leads.qualify(
      TEAM,
      qualification({ company: 'Beta', domain: 'beta.io', at: later }),
    );
    expect(adopted.lead).toMatchObject({ id: 'c:beta', domain: 'beta.io' });
    expect((await db.store.leads.find(TEAM, 'Whatever', 'beta.io'))?.id).toBe('c:beta');
  });

  it('keeps two companies apart when they share a name but not a domain', async () => {
    await db.store.leads.qualify(TEAM, qualification({ company: 'Acme', domain: 'acme.com' }));
    const other = await db.store.leads.qualify(
      TEAM,
      qualification({ company: 'Acme', domain: 'acme.co.uk' }),
    );
    expect(other.created).toBe(true);
    expect(other.lead.id).toBe('d:acme.co.uk');
  });

  it('records a stage move with the unmet exit criteria, and re-indexes the lead by stage', async () => {
    await db.store.leads.qualify(TEAM, qualification());
    const moved = await db.store.leads.moveStage(TEAM, 'c:acme', {
      stage: 'Qualified',
      by: 'U0REP1',
      at: later,
      exitCriteriaMet: false,
      unmet: ['budget'],
    });
    expect(moved.stage).toBe('Qualified');
    expect(moved.stageHistory.at(-1)).toEqual({
      stage: 'Qualified',
      enteredAt: later.toISOString(),
      by: 'U0REP1',
      exitCriteriaMet: false,
      unmet: ['budget'],
    });
    expect(await db.store.leads.idsInStage(TEAM, 'Qualified')).toEqual(['c:acme']);
    expect(await db.store.leads.idsInStage(TEAM, 'Lead')).toEqual([]);
  });

  it('records a disqualification with its reason and a disqualified verdict, and clears it on requalifying', async () => {
    await db.store.leads.qualify(TEAM, qualification());
    const lead = await db.store.leads.disqualify(TEAM, 'c:acme', {
      reason: 'Chose a competitor',
      by: 'U0REP1',
      at: later,
    });
    expect(lead.disqualified).toEqual({
      reason: 'Chose a competitor',
      at: later.toISOString(),
      by: 'U0REP1',
    });
    expect(lead.scoreHistory.at(-1)).toMatchObject({ verdict: 'disqualified', score: 1, maxScore: 4 });
    const again = await db.store.leads.qualify(TEAM, qualification({ at: later }));
    expect(again.lead.disqualified).toBeUndefined();
  });

  it('lists a rep’s leads, most recently updated first', async () => {
    await db.store.leads.qualify(TEAM, qualification({ company: 'Acme' }));
    await db.store.leads.qualify(TEAM, qualification({ company: 'Beta', at: later }));
    await db.store.leads.qualify(TEAM, qualification({ company: 'Gamma', by: 'U0OTHER' }));
    expect((await db.store.leads.listByOwner(TEAM, 'U0REP1')).map((l) => l.company)).toEqual([
      'Beta',
      'Acme',
    ]);
  });

  it('refuses unknown leads and names it cannot match', async () => {
    await expect(
      db.store.leads.moveStage(TEAM, 'c:nobody', {
        stage: 'Lead',
        by: 'U1',
        at,
        exitCriteriaMet: true,
        unmet: [],
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(db.store.leads.qualify(TEAM, qualification({ company: '東京' }))).rejects.toThrow(
      InputError,
    );
    expect(await keysUnder(db.redis, db.prefix)).toEqual([]);
  });

  it('leaves nothing behind after purgeTeam', async () => {
    await db.store.leads.qualify(TEAM, qualification({ domain: 'acme.com' }));
    await db.store.leads.moveStage(TEAM, 'd:acme.com', {
      stage: 'Closed Won',
      by: 'U0REP1',
      at: later,
      exitCriteriaMet: true,
      unmet: [],
    });
    await db.store.leads.qualify('T0OTHER', qualification());
    const teamKeys = (await keysUnder(db.redis, db.prefix)).filter((k) => k.includes(`{${TEAM}}`));
    expect(teamKeys.map((k) => k.slice(k.indexOf('}:') + 2))).toEqual([
      'lead:d:acme.com',
      'lead:d:acme.com:score-days',
      'lead:d:acme.com:scores',
      'lead:d:acme.com:stages',
      'leads:domains',
      'leads:names',
      'leads:owner:U0REP1',
      'leads:stage:closed-won',
    ]);
    await db.store.purgeTeam(TEAM);
    expect((await keysUnder(db.redis, db.prefix)).filter((k) => k.includes(`{${TEAM}}`))).toEqual([]);
    expect(await db.store.leads.get('T0OTHER', 'c:acme')).toBeDefined();
  });

  it('reads a long-requalified lead bounded, with the same latest score and the same engagement days', async () => {
    const DAY = 86_400_000;
    const moments: Date[] = [];
    // 40 days with one qualification each, then 200 requalifications in one day.
    for (let d = 0; d < 40; d += 1) moments.push(new Date(at.getTime() + d * DAY));
    for (let i = 0; i < 200; i += 1) moments.push(new Date(at.getTime() + 40 * DAY + i * 60_000));
    for (const [i, moment] of moments.entries()) {
      await db.store.leads.qualify(TEAM, qualification({ at: moment, score: i % 5, verdict: 'qualified' }));
    }
    const lead = await db.store.leads.get(TEAM, 'c:acme');
    const full = (await db.redis.lrange(keysOf(db.prefix).leadScores(TEAM, 'c:acme'), 0, -1)).map(
      (raw) => JSON.parse(raw) as Lead['scoreHistory'][number],
    );
    expect(full).toHaveLength(240);
    expect(lead?.scoreHistory.length).toBeLessThanOrEqual(RECENT_HISTORY + 41);
    expect(lead?.scoreHistory.at(-1)).toEqual(full.at(-1));
    expect(engagementOfLead({ scoreHistory: lead?.scoreHistory ?? [] })).toEqual(
      engagementOfLead({ scoreHistory: full }),
    );
    expect(engagementOfLead({ scoreHistory: full })).toHaveLength(41);
  });

  it('qualifies with a score worked out from the lead as it was stored, in one call', async () => {
    await db.store.leads.qualify(TEAM, qualification());
    const seen: (string | undefined)[] = [];
    const { lead, scored } = await db.store.leads.qualifyScored(
      TEAM,
      { ...qualification(), at: later },
      (stored) => {
        seen.push(stored?.updatedAt);
        return { score: 4, maxScore: 4, verdict: 'qualified' as const, why: 'all confirmed' };
      },
    );
    expect(seen).toEqual([at.toISOString()]);
    expect(scored.why).toBe('all confirmed');
    expect(lead.scoreHistory.map((e) => e.score)).toEqual([1, 4]);
    expect(await db.store.leads.get(TEAM, 'c:acme')).toEqual(lead);
  });
});
