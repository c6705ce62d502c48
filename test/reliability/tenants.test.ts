import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE } from '../../src/engines/optimizer/index.js';
import { createFollowups, type Followups } from '../../src/jobs/followups.js';
import { postJobId } from '../../src/jobs/ids.js';
import { createQueues, openProducerConnection, type Queues, queuePrefix } from '../../src/jobs/queues.js';
import { enqueuePost } from '../../src/jobs/sender.js';
import { createLogger } from '../../src/logger.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { publishHome } from '../../src/slack/home.js';
import { forgetTeam } from '../../src/slack/uninstall.js';
import { createStore, type Store } from '../../src/store/index.js';
import { type SuiteRedis, startRedis } from './support/redis-server.js';
import {
  generateTenants,
  installationOf,
  SHARED_CHANNEL,
  SHARED_COMPANY,
  SHARED_USER,
  type Tenant,
} from './support/tenants.js';

const PREFIX = 'reltenants';
const SEED = 20_261_202;
const tenants = generateTenants(SEED, 4);

let redis: SuiteRedis;
let connection: Redis;
let producer: ReturnType<typeof openProducerConnection>;
let store: Store;
let queues: Queues;
let followups: Followups;
const slacks = new Map<string, SlackStandIn>();

beforeAll(async () => {
  redis = await startRedis();
  connection = new Redis(redis.url);
  producer = openProducerConnection({ url: redis.url });
  for (const client of [connection, producer]) client.on('error', () => undefined);
  store = createStore(connection, { prefix: PREFIX, encryptionKey: '7a'.repeat(32) });
  queues = createQueues(producer, queuePrefix(PREFIX));
  followups = createFollowups({ redis: connection, keys: store.keys, queues });
  for (const tenant of tenants) {
    const slack = await SlackStandIn.start({
      signingSecret: 'tenants',
      botToken: tenant.token,
      teamId: tenant.teamId,
    });
    slack.addUser({ id: SHARED_USER, name: 'rep', tz: 'Europe/Paris' });
    slack.addChannel({ id: SHARED_CHANNEL, name: 'sales' });
    slacks.set(tenant.teamId, slack);
  }
});

afterAll(async () => {
  for (const slack of slacks.values()) await slack.stop();
  await queues?.close();
  producer?.disconnect();
  connection?.disconnect();
  await redis?.stop();
});

const reminderKey = (tenant: Tenant, i: number) => `rem-${tenant.teamId}-e${tenant.marker}${i}-s1-r0`;

async function setUp(tenant: Tenant): Promise<void> {
  const at = new Date();
  await store.installations.save(installationOf(tenant));
  await store.profiles.save(
    tenant.teamId,
    { business: tenant.business, model: 'inside', icp: { painPoints: [tenant.painPoint] } },
    { by: SHARED_USER, at },
  );
  for (const company of [...tenant.leads, SHARED_COMPANY]) {
    const evidence = { level: 'confirmed', evidence: `evidence ${tenant.marker}e` } as const;
    await store.leads.qualify(tenant.teamId, {
      company,
      contact: `Contact ${tenant.marker}c`,
      framework: 'bant',
      answers: { budget: evidence, authority: evidence, need: evidence, timeline: evidence },
      score: 4,
      maxScore: 4,
      verdict: 'qualified',
      by: SHARED_USER,
      at,
      firstStage: 'Lead',
    });
  }
  await store.digests.save({
    teamId: tenant.teamId,
    channelId: SHARED_CHANNEL,
    pattern: '0 9 * * 1',
    tz: 'Europe/Paris',
    description: `Mondays 09:00 ${tenant.marker}d`,
    cadence: 'weekly',
    paused: false,
    updatedBy: SHARED_USER,
    updatedAt: at.toISOString(),
  });
  await followups.sequences.save(tenant.teamId, {
    ...DEFAULT_SEQUENCE,
    id: 'nurture',
    name: `Nurture ${tenant.marker}s`,
  });
  for (let i = 0; i < 3; i += 1) {
    const text = `Follow up ${tenant.marker}r${i}`;
    await enqueuePost(followups, {
      teamId: tenant.teamId,
      channel: SHARED_USER,
      deliveryKey: reminderKey(tenant, i),
      text,
    });
  }
}

/** Everything the rep of `tenant` can see: the Home tab as Slack shows it, and what the team's data says. */
async function whatTheRepSees(tenant: Tenant): Promise<string> {
  const slack = slacks.get(tenant.teamId);
  if (!slack) throw new Error(`no stand-in for ${tenant.teamId}`);
  const client = new WebClient(tenant.token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  await publishHome(client, store, tenant.teamId, SHARED_USER, followups, createLogger('silent'));
  const jobs = await Promise.all(
    [0, 1, 2].map((i) => queues.sender.getJob(postJobId(reminderKey(tenant, i)))),
  );
  return JSON.stringify({
    home: slack.homeOf(SHARED_USER),
    profile: await store.profiles.get(tenant.teamId),
    leads: await store.leads.listByOwner(tenant.teamId, SHARED_USER, 100),
    shared: await store.leads.find(tenant.teamId, SHARED_COMPANY),
    digests: (await store.digests.listAll()).filter((d) => d.teamId === tenant.teamId),
    digest: await store.digests.get(tenant.teamId, SHARED_CHANNEL),
    sequences: await followups.sequences.list(tenant.teamId),
    reminders: jobs.map((job) => job?.data),
    installation: (await store.installations.find({ teamId: tenant.teamId }))?.bot?.token,
  });
}

function expectOnly(seen: string, owner: Tenant, present: Tenant[]): void {
  for (const other of tenants) {
    if (other === owner) continue;
    expect(seen, `${owner.teamId} sees ${other.teamId}'s data`).not.toContain(other.marker);
  }
  if (present.includes(owner)) {
    for (const suffix of ['b', 'p', 'l0q', 'l1q', 'l2q', 'c', 'd', 's', 'r0', 'r2']) {
      expect(seen, `${owner.teamId} misses its own ${suffix}`).toContain(`${owner.marker}${suffix}`);
    }
    expect(seen).toContain(owner.token);
  }
}

describe('tenant isolation between generated workspaces', () => {
  it('shows each workspace only its own data, and an uninstall removes only that workspace', async () => {
    for (const tenant of tenants) await setUp(tenant);

    for (const tenant of tenants) {
      expectOnly(await whatTheRepSees(tenant), tenant, tenants);
      // The Home tab itself, as the rep sees it, names the team's business and its leads.
      const home = JSON.stringify(slacks.get(tenant.teamId)?.homeOf(SHARED_USER));
      for (const suffix of ['b', 'l0q', 'l1q', 'l2q']) expect(home).toContain(`${tenant.marker}${suffix}`);
    }
    // The company every team qualified is one lead per team, each with that team's own contact.
    for (const tenant of tenants) {
      const shared = await store.leads.find(tenant.teamId, SHARED_COMPANY);
      expect(shared?.contact?.name).toBe(`Contact ${tenant.marker}c`);
    }

    // T1 goes: some of the teams that stay have ids starting with T1.
    const [gone, ...kept] = tenants;
    if (!gone) throw new Error('no tenants');
    expect(kept.some((t) => t.teamId.startsWith(gone.teamId))).toBe(true);
    expect(await followups.removeTeamJobs(gone.teamId)).toBe(3);
    const result = await forgetTeam(store, { teamId: gone.teamId, isEnterpriseInstall: false });
    expect(result.deleted).toBeGreaterThan(0);

    const after = await whatTheRepSees(gone);
    expectOnly(after, gone, kept);
    expect(after).not.toContain(gone.marker);
    expect(await store.installations.find({ teamId: gone.teamId })).toBeUndefined();
    expect(await store.leads.listByOwner(gone.teamId, SHARED_USER)).toEqual([]);
    for (const tenant of kept) expectOnly(await whatTheRepSees(tenant), tenant, kept);
    // No key of the remaining teams went with the purge: each still has a key under its own tag.
    for (const tenant of kept) {
      const found = await connection.keys(`${PREFIX}:{${tenant.teamId}}:*`);
      expect(found.length).toBeGreaterThan(5);
    }

    // The others keep working: a new lead shows on their Home.
    const survivor = kept[0];
    if (!survivor) throw new Error('no survivor');
    const evidence = { level: 'confirmed', evidence: 'fresh' } as const;
    await store.leads.qualify(survivor.teamId, {
      company: `Fresh {*} ${survivor.marker}f`,
      framework: 'bant',
      answers: { budget: evidence, authority: evidence, need: evidence, timeline: evidence },
      score: 4,
      maxScore: 4,
      verdict: 'qualified',
      by: SHARED_USER,
      at: new Date(),
      firstStage: 'Lead',
    });
    const home = await whatTheRepSees(survivor);
    expect(home).toContain(`${survivor.marker}f`);
    expectOnly(home, survivor, kept);
  }, 60_000);
});
