import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlertRunDeps, runAlerts } from '../../src/jobs/alerts-run.js';
import { createStore, type QualificationInput, type Store } from '../../src/store/index.js';
import { nextLocal } from '../support/clock.js';
import { type JobHarness, openHarness } from './support/harness.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';

let h: JobHarness;
let store: Store;
let deps: AlertRunDeps;

beforeEach(async () => {
  h = await openHarness();
  store = createStore(h.redis, { prefix: h.prefix });
  deps = {
    store,
    followups: h.followups,
    directory: async () => [{ id: REP, names: ['Rita Rep'], tz: 'Europe/Paris' }],
    recentMoves: (teamId) => store.alerts.recentMoves(teamId),
  };
});
afterEach(async () => {
  await h.close();
});

const qualification = (company: string, at: Date): QualificationInput => ({
  company,
  framework: 'bant',
  answers: { budget: { level: 'partial', evidence: 'maybe 40k' } },
  score: 2,
  maxScore: 4,
  verdict: 'nurture',
  by: REP,
  at,
  firstStage: 'Lead',
  amount: 40_000,
});

describe('stage-skipped alerts from the qualify moves (no deals imported)', () => {
  it("alerts the lead's owner once for a move without the exit criteria or past a stage, never for a clean one", async () => {
    const at = nextLocal({ weekday: 3, hour: 10, zone: 'Europe/Paris' });
    const t = (minutes: number) => at.plus({ minutes }).toJSDate();
    await store.leads.qualify(TEAM, qualification('Acme', t(0)));
    await store.leads.qualify(TEAM, qualification('Globex', t(0)));
    await store.leads.qualify(TEAM, qualification('Initech', t(0)));
    const move = (id: string, stage: string, unmet: string[], skipped: string[], minutes: number) =>
      store.leads.moveStage(TEAM, id, {
        stage,
        by: REP,
        at: t(minutes),
        exitCriteriaMet: unmet.length === 0,
        unmet,
        skipped,
      });
    await move('c:acme', 'Qualified', [], [], 1);
    await move('c:acme', 'Discovery', ['budget'], [], 2);
    await move('c:globex', 'Proposal', [], ['Qualified', 'Discovery'], 3);
    await move('c:initech', 'Qualified', [], [], 4);
    expect((await store.alerts.recentMoves(TEAM)).map((m) => `${m.leadId} ${m.from}→${m.stage}`)).toEqual([
      'c:acme Qualified→Discovery',
      'c:globex Lead→Proposal',
    ]);

    const run = await runAlerts(deps, { teamId: TEAM, now: t(10) });
    expect(run).toMatchObject({ raised: 2, fresh: 2, queued: { [REP]: 2 } });
    const pending = (await store.alerts.pending(TEAM, REP)).sort((a, b) => a.dealId.localeCompare(b.dealId));
    expect(pending.map((a) => [a.rule, a.account, a.amount, a.text])).toEqual([
      ['stage-skipped', 'Acme', 40_000, 'Moved to Discovery from Qualified; exit criteria unmet: budget'],
      ['stage-skipped', 'Globex', 40_000, 'Moved to Proposal from Lead; skipping Qualified, Discovery'],
    ]);
    // The next run has nothing new to say about the same moves.
    expect(await runAlerts(deps, { teamId: TEAM, now: t(60) })).toMatchObject({ raised: 2, fresh: 0 });
  });

  it('raises none when the team turned the rule off', async () => {
    const at = nextLocal({ weekday: 3, hour: 10, zone: 'Europe/Paris' }).toJSDate();
    await store.leads.qualify(TEAM, qualification('Acme', at));
    await store.leads.moveStage(TEAM, 'c:acme', {
      stage: 'Proposal',
      by: REP,
      at,
      exitCriteriaMet: false,
      unmet: ['budget'],
    });
    await store.alerts.setRule(TEAM, 'stage-skipped', false);
    expect(await runAlerts(deps, { teamId: TEAM, now: at })).toMatchObject({ raised: 0, fresh: 0 });
  });
});
