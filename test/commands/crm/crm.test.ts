import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/blocks/limits.js';
import { QUICK_ACTION_IDS } from '../../../src/commands/help/command.js';
import type { StoredFile } from '../../../src/sandbox/index.js';
import { CHANNEL_ID, REP_ID, TEAM_ID, useWorkspace } from '../../support/stand-in.js';

const OUTSIDE_ID = 'C0OUTSIDE2';

const ws = useWorkspace((started) =>
  started.slack.addChannel({ id: OUTSIDE_ID, name: 'revops', botIsMember: false }),
);

const command = (channelId: string) => ws.slack.sendSlashCommand({ text: 'crm', userId: REP_ID, channelId });

const saveProfile = () =>
  ws.app.store.profiles.save(
    TEAM_ID,
    {
      business: 'Acme Corp',
      model: 'hybrid',
      framework: 'meddic',
      leadSources: [
        { name: 'Inbound demo requests', volumePerMonth: 140, quality: 'high', cac: 180 },
        { name: 'Partner referrals', volumePerMonth: 35, quality: 'high', cac: 90 },
      ],
    },
    { by: REP_ID, at: new Date() },
  );

const rows = (file: StoredFile | undefined): Record<string, string>[] =>
  parse(file?.content.toString('utf8') ?? '', { columns: true });
const fileNamed = (name: string) => ws.slack.files().find((f) => f.name === name);

describe('/sales-ops crm', () => {
  it('posts the field spec in the channel with rules and import files for three CRMs in its thread', async () => {
    await saveProfile();
    await command(CHANNEL_ID);
    await expect.poll(() => ws.slack.files().length, { timeout: 5000 }).toBe(6);

    const messages = ws.slack.messages(CHANNEL_ID).filter((m) => !m.ephemeral);
    const [top, ...thread] = messages;
    if (top === undefined) throw new Error('nothing was posted');
    const spec = JSON.stringify(top.blocks);
    expect(spec).toContain('CRM spec · Acme Corp');
    for (const object of ['Contact', 'Company', 'Opportunity', 'Activity'])
      expect(spec).toContain(`*${object}:`);
    expect(spec).toContain('`lead_source` · picklist · *required*');
    expect(spec).toContain('Inbound demo requests, Partner referrals, Other');
    expect(spec).toContain('MEDDIC');
    const rules = JSON.stringify(thread.map((m) => m.blocks));
    expect(rules).toContain('Workflow automation');
    expect(rules).toContain('Data hygiene rules');
    expect(rules).toContain('Reports and dashboards');
    for (const m of thread) expect(m.thread_ts).toBe(top.ts);
    for (const call of ws.slack.calls('chat.postMessage'))
      expect(checkMessage(call.args)).toEqual({ ok: true });

    for (const file of ws.slack.files())
      expect(file).toMatchObject({ channels: [CHANNEL_ID], thread_ts: top.ts });
    const hubspot = rows(fileNamed('sales-ops-crm-hubspot-acme-corp.csv'));
    expect(hubspot.find((r) => r['Internal Name'] === 'dealstage')).toMatchObject({
      Object: 'deals',
      'Field Type': 'enumeration',
      Custom: 'No',
    });
    const stage = rows(fileNamed('sales-ops-crm-salesforce-acme-corp.csv')).find(
      (r) => r['Internal Name'] === 'StageName',
    );
    expect(stage?.['Picklist Values']).toContain('Qualified;Discovery;Proposal');
    expect(rows(fileNamed('sales-ops-crm-pipedrive-acme-corp.csv')).length).toBe(hubspot.length);

    const json = JSON.parse(
      fileNamed('sales-ops-crm-salesforce-acme-corp.json')?.content.toString('utf8') ?? '',
    );
    expect(json.system).toBe('Salesforce');
    const opportunity = json.objects.find((o: { object: string }) => o.object === 'Opportunity');
    expect(opportunity.map).toContainEqual(expect.objectContaining({ internalName: 'StageName' }));
    expect(
      JSON.parse(fileNamed('sales-ops-crm-hubspot-acme-corp.json')?.content.toString('utf8') ?? ''),
    ).toMatchObject({ system: 'HubSpot' });
    const comments = ws.slack
      .calls('files.completeUploadExternal')
      .map((c) => String(c.args.initial_comment));
    expect(comments.map((c) => c.slice(0, 13))).toEqual(['*HubSpot*: th', '*Salesforce*:', '*Pipedrive*: ']);
    expect(ws.slack.responses()).toEqual([]);
  });

  it('asks for a profile first when there is none, and posts nothing', async () => {
    await command(CHANNEL_ID);
    await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBe(1);
    const [answer] = ws.slack.responses();
    expect(answer?.effect).toBe('ephemeral');
    expect(answer?.message?.text).toContain(
      '*No business profile yet.* The CRM spec is built from your business',
    );
    expect(answer?.message?.text).toContain('then run `/sales-ops crm` again');
    expect(ws.slack.calls('chat.postMessage')).toEqual([]);
    expect(ws.slack.files()).toEqual([]);
  });

  it("sends the spec to the person's DM when asked from the Home tab, and says where it went", async () => {
    await saveProfile();
    await ws.slack.sendAppHomeOpened(REP_ID);
    await ws.slack.waitForCall('views.publish');
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: QUICK_ACTION_IDS.crm,
      viewId: ws.slack.homeOf(REP_ID)?.id ?? '',
    });
    const call = await ws.slack.waitForCall('views.open', () => true, 5000);
    expect(JSON.stringify(call.args.view)).toContain('in your direct messages with sales-ops');
    expect(ws.slack.messages(REP_ID)[0]?.text).toBe('CRM spec for Acme Corp: fields per object');
    expect(ws.slack.files()).toHaveLength(6);
  });

  it('says how to invite the bot when it is not in the channel', async () => {
    await saveProfile();
    await command(OUTSIDE_ID);
    await expect.poll(() => ws.slack.responses().length, { timeout: 3000 }).toBe(1);
    const [answer] = ws.slack.responses();
    expect(answer?.message?.text).toContain(`<#${OUTSIDE_ID}>: I am not a member of that channel`);
    expect(answer?.message?.text).toContain('`/invite @sales-ops`');
    expect(answer?.message?.text).toContain('`/sales-ops crm`');
    expect(ws.slack.files()).toEqual([]);
  });
});
