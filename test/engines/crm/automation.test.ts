import { describe, expect, it } from 'vitest';
import { designAutomation } from '../../../src/engines/crm/index.js';
import { customStages, designStages } from '../../../src/engines/pipeline/index.js';

const STAGES = designStages({ model: 'inside', framework: 'bant' });
const rules = designAutomation({ stages: STAGES, framework: 'bant' });
const rule = (id: string) => rules.find((r) => r.id === id);

describe('designAutomation', () => {
  it('creates a task for the owner when a deal sits idle 14 days in Proposal', () => {
    expect(rule('idle-proposal')).toEqual({
      id: 'idle-proposal',
      trigger: 'Daily at 09:00 in the owner’s time zone',
      condition: 'deal in Proposal with no activity or stage change for 14 days',
      action: 'Create a task for the deal owner: "Move Proposal forward or close it", due today',
    });
  });

  it('has an idle rule for every open stage after the first, and none for closed stages', () => {
    expect(rules.filter((r) => r.id.startsWith('idle-')).map((r) => r.id)).toEqual([
      'idle-qualified',
      'idle-discovery',
      'idle-proposal',
      'idle-negotiation',
    ]);
  });

  it('routes a lead over the MQL threshold round-robin', () => {
    expect(rule('route-mql')?.condition).toBe('lead_score ≥ 100 and lead_status is not MQL');
    expect(rule('route-mql')?.action).toMatch(/round-robin/);
  });

  it("alerts when a deal moves without its stage's exit criteria, naming the framework's checks", () => {
    expect(rule('exit-criteria')?.condition).toContain(
      'leaving Qualified: budget, authority, need, timeline',
    );
    expect(rule('exit-criteria')?.action).toMatch(/Alert/);
  });

  it('takes the MQL threshold and idle days given', () => {
    const custom = designAutomation({ stages: STAGES, framework: 'meddic', mqlThreshold: 65, idleDays: 7 });
    expect(custom.find((r) => r.id === 'route-mql')?.condition).toContain('≥ 65');
    expect(custom.find((r) => r.id === 'idle-negotiation')?.condition).toContain('for 7 days');
  });

  it("follows an imported pipeline's stage names", () => {
    const stages = customStages([
      { name: 'Prospecting', kind: 'open' },
      { name: 'Engaging', kind: 'open' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ]);
    const imported = designAutomation({ stages, framework: 'bant' });
    expect(imported.filter((r) => r.id.startsWith('idle-')).map((r) => r.id)).toEqual(['idle-engaging']);
    expect(imported.find((r) => r.id === 'loss-reason')?.trigger).toBe('Deal moves to Lost');
    expect(imported.find((r) => r.id === 'won-handoff')?.trigger).toBe('Deal moves to Won');
    // Imported stages carry no exit checks, so the framework's criteria stand in.
    expect(imported.find((r) => r.id === 'exit-criteria')?.condition).toContain(
      'budget, authority, need, timeline',
    );
  });

  it('gives every rule a unique id and all three parts', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.trigger && r.condition && r.action).toBeTruthy();
    }
  });
});
