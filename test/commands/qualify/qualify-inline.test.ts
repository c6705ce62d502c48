import { describe, expect, it } from 'vitest';
import { levelBlockId, QUALIFY_VIEW } from '../../../src/views/qualify/ids.js';
import { REP_ID, TEAM_ID, textOf, useQualifyWorkspace } from './qualify-workspace.js';

const ws = useQualifyWorkspace();

describe('/sales-ops qualify with every answer inline', () => {
  it('shows the scorecard only to the rep, reading money and "next quarter" in the rep’s own time zone', async () => {
    await ws.command('qualify Acme budget=$1.2m amount=50k authority=vp need=high timeline="next quarter"');
    const reply = await ws.reply();
    expect(reply.effect).toBe('ephemeral');
    expect(reply.message?.ephemeralTo).toBe(REP_ID);
    const text = textOf(reply.body);
    expect(text).toContain('Acme · BANT scorecard');
    expect(text).toContain('*Qualified* · 4/4');
    expect(text).toContain('Budget $1,200,000 covers the $50,000 deal');
    expect(text).toContain('Stated as "vp"');
    // 21:00 on 31 December in Los Angeles: next quarter is Q1 2027, 90 days away (in UTC it would be Q2).
    expect(text).toContain('Decision by 2027-03-31 (Q1 2027), 90 days away');
    expect(ws.slack.calls('users.info')).toHaveLength(1);
    expect(ws.slack.calls('views.open')).toEqual([]);

    const lead = await ws.app.store.leads.find(TEAM_ID, 'Acme');
    expect(lead).toMatchObject({
      company: 'Acme',
      ownerId: REP_ID,
      amount: 50_000,
      framework: 'bant',
      stage: 'Lead',
      answers: { budget: { level: 'confirmed' }, timeline: { level: 'confirmed' } },
      scoreHistory: [{ score: 4, maxScore: 4, verdict: 'qualified', at: '2027-01-01T05:00:00.000Z' }],
    });
  });

  it('scores a partly qualified lead as nurture and says what to ask next', async () => {
    await ws.command('qualify "Acme Co" budget=exploring authority=manager need=medium timeline=Q3');
    const text = textOf((await ws.reply()).body);
    expect(text).toContain('*Nurture* · 0/4');
    expect(text).toContain('Missing evidence');
    expect(text).toContain(
      'Budget: If there is no line item yet, how have purchases like this been funded before?',
    );
    expect(text).toContain('Decision by 2027-09-30 (Q3 2027)');
  });

  it('treats "ACME Corp" after "Acme, Inc." as the same lead, with two scores in its history', async () => {
    await ws.command('qualify "Acme, Inc." budget=none authority=vp need=high timeline=asap');
    await ws.reply();
    await ws.command('qualify ACME Corp budget=approved authority=vp need=high timeline=asap');
    await ws.reply(1);
    const lead = await ws.app.store.leads.get(TEAM_ID, 'c:acme');
    expect(lead?.company).toBe('Acme, Inc.');
    expect(lead?.scoreHistory.map((s) => s.verdict)).toEqual(['disqualified', 'qualified']);
    expect((await ws.leadKeys()).filter((k) => /:lead:[^:]+:[^:]+$/.test(k))).toHaveLength(1);
  });
});

describe('/sales-ops qualify with a value it cannot read', () => {
  it('names the value, gives an example that works, and stores nothing', async () => {
    await ws.command('qualify Acme budget=50k authority=vp need=high timeline="someday-ish"');
    const reply = await ws.reply();
    expect(reply.effect).toBe('ephemeral');
    expect(textOf(reply.body)).toContain(
      'timeline: "someday-ish" is not a date or period; try timeline="next quarter" or timeline=2027-03-31',
    );
    expect(await ws.leadKeys()).toEqual([]);
    expect(ws.slack.calls('views.open')).toEqual([]);
  });

  it('lists the framework’s criteria for an unknown key', async () => {
    await ws.command('qualify Acme budgte=50k');
    const text = textOf((await ws.reply()).body);
    expect(text).toContain('budgte: is not a BANT criterion or lead field; did you mean budget?');
    expect(text).toContain('BANT asks budget, authority, need, timeline');
    expect(await ws.leadKeys()).toEqual([]);
  });

  it('shows how to quote a value with spaces', async () => {
    await ws.command('qualify Acme timeline=next quarter');
    expect(textOf((await ws.reply()).body)).toContain('e.g. timeline="next quarter"');
    expect(await ws.leadKeys()).toEqual([]);
  });
});

describe('/sales-ops qualify with some answers inline', () => {
  it('opens the modal with what the text said already filled in', async () => {
    await ws.command('qualify Acme budget=50k contact="Ana Ruiz"');
    const call = await ws.slack.waitForCall('views.open');
    expect(call.response.ok).toBe(true);
    const [stack] = ws.slack.views();
    const view = stack?.views[0];
    expect(view?.callback_id).toBe(QUALIFY_VIEW.callbackId);
    const budget = view?.blocks.find((b) => b.block_id === levelBlockId('budget'));
    expect(JSON.stringify(budget)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Confirmed"',
    );
    expect(JSON.stringify(view)).toContain('"initial_value":"Ana Ruiz"');
    expect(JSON.stringify(view)).toContain('"initial_value":"Acme"');
    expect(ws.slack.responses()).toEqual([]);
    expect(await ws.leadKeys()).toEqual([]);
  });
});
