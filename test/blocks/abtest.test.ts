import { describe, expect, it } from 'vitest';
import { AB_STEPS_LISTED, type AbTestRow, abTestMessage, noAbTestsMessage } from '../../src/blocks/abtest.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { type Arm, abVerdict, planAbTest } from '../../src/engines/optimizer/index.js';

const row = (a: Arm, b: Arm, name = 'Default follow-up', step = 2): AbTestRow => ({
  sequenceName: name,
  step,
  channel: 'Call',
  day: 4,
  a,
  b,
  stepKey: `default#${step - 1}`,
  planFixed: false,
  result: abVerdict({ a, b }),
});

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('abTestMessage', () => {
  it('shows the engine’s z, p, planned sample, P(B > A) and verdict for each step', () => {
    const a = { sends: 1200, replies: 48 };
    const b = { sends: 1180, replies: 83 };
    const result = abVerdict({ a, b });
    const message = abTestMessage([row(a, b)]);
    const text = textOf(message);
    expect(text).toContain('Default follow-up · step 2* (Call, day 4)');
    expect(text).toContain('48 / 1,200 replied · 4.0%');
    expect(text).toContain('83 / 1,180 replied · 7.0%');
    expect(text).toContain(`z = ${result.z.toFixed(2)}`);
    expect(text).toContain(result.p < 0.001 ? 'p < 0.001' : `p = ${result.p.toFixed(3)}`);
    expect(text).toContain(`${result.neededPerArm.toLocaleString('en-US')} sends per variant`);
    expect(text).toContain(`${(result.pBBeatsA * 100).toFixed(1)}%`);
    expect(text).toContain(result.verdict === 'b-wins' ? 'B wins' : 'Keep testing');
    expect(text).toContain("Not fixed yet, baseline 4.0%: A's 4.0% over 1,200 sends");
    expect(checkMessage(message)).toEqual({ ok: true });
  });

  it('says a plan was fixed when the test started', () => {
    const a = { sends: 300, replies: 60 };
    const b = { sends: 300, replies: 45 };
    const plan = planAbTest({
      baseline: 0.1,
      lift: 0.02,
      basis: "this step's 10.0% over 800 sends before the test",
    });
    const text = textOf(
      abTestMessage([{ ...row(a, b), planFixed: true, result: abVerdict({ a, b, plan }) }]),
    );
    expect(text).toContain('3,623 sends per variant');
    expect(text).toContain(
      "Fixed at the start, baseline 10.0%: this step's 10.0% over 800 sends before the test",
    );
  });

  it('declares no winner before the planned sample, however large the gap', () => {
    const message = abTestMessage([row({ sends: 20, replies: 1 }, { sends: 20, replies: 9 })]);
    expect(textOf(message)).toContain('Keep testing');
    expect(textOf(message)).not.toContain('B wins');
    expect(textOf(message)).toMatch(/A needs [\d,]+ more, B [\d,]+ more/);
  });

  it('stays within Slack’s limits with many steps, counting those it leaves out', () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      row(
        { sends: 100 + i, replies: 5 },
        { sends: 100, replies: 7 },
        `Sequence ${'&'.repeat(200)} ${i}`,
        i + 1,
      ),
    );
    const message = abTestMessage(rows);
    expect(checkMessage(message)).toEqual({ ok: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const listed = message.blocks.filter((b) => b.type === 'section').length;
    expect(listed).toBeLessThanOrEqual(AB_STEPS_LISTED);
    expect(textOf(message)).toContain(`+${40 - listed} more steps under test not shown.`);
  });

  it('says how to add a variant when nothing is under test', () => {
    const message = abTestMessage([]);
    expect(message).toEqual(noAbTestsMessage());
    expect(message.text).toContain('`/sales-ops sequence edit`');
    expect(message.text).toContain('Variant B');
  });
});
