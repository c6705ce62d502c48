import type { Installation } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { ConfigError, DecryptionError } from '../../src/errors.js';
import { createTokenCipher } from '../../src/store/crypto.js';
import { createStore } from '../../src/store/index.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const KEY = '0f'.repeat(32);
const BOT_TOKEN = 'xoxb-1111-2222-secretsecret';

const workspaceInstall: Installation = {
  team: { id: 'T1', name: 'Acme' },
  enterprise: undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { token: BOT_TOKEN, id: 'B1', userId: 'U9', scopes: ['commands', 'chat:write'] },
  appId: 'A1',
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

const orgInstall: Installation = {
  team: undefined,
  enterprise: { id: 'E1', name: 'Acme Group' },
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: { token: 'xoxb-org-token', id: 'B2', userId: 'U8', scopes: ['commands'] },
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

const db = useTestStore({ encryptionKey: KEY });

describe('installations', () => {
  it('round-trips a workspace installation', async () => {
    await db.store.installations.save(workspaceInstall);
    expect(
      await db.store.installations.find({
        teamId: 'T1',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).toEqual(workspaceInstall);
  });

  it('stores only ciphertext: the token and team name never appear in Redis', async () => {
    await db.store.installations.save(workspaceInstall);
    const raw = (await db.redis.get(db.store.keys.installation('T1'))) ?? '';
    expect(raw).not.toBe('');
    expect(raw).not.toContain(BOT_TOKEN);
    expect(raw).not.toContain('xoxb');
    expect(raw).not.toContain('Acme');
  });

  it('encrypts the same installation differently each time (a fresh IV per record)', async () => {
    await db.store.installations.save(workspaceInstall);
    const first = await db.redis.get(db.store.keys.installation('T1'));
    await db.store.installations.save(workspaceInstall);
    expect(await db.redis.get(db.store.keys.installation('T1'))).not.toBe(first);
  });

  it('refuses a record whose ciphertext was altered', async () => {
    await db.store.installations.save(workspaceInstall);
    const key = db.store.keys.installation('T1');
    const [version, iv, tag, data] = ((await db.redis.get(key)) ?? '').split('.');
    const bytes = Buffer.from(data ?? '', 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await db.redis.set(key, [version, iv, tag, bytes.toString('base64')].join('.'));
    await expect(db.store.installations.find({ teamId: 'T1' })).rejects.toBeInstanceOf(DecryptionError);
  });

  it("refuses a record copied under another team's key", async () => {
    await db.store.installations.save(workspaceInstall);
    await db.redis.set(
      db.store.keys.installation('T2'),
      (await db.redis.get(db.store.keys.installation('T1'))) ?? '',
    );
    await expect(db.store.installations.find({ teamId: 'T2' })).rejects.toThrow(/could not be decrypted/);
  });

  it('refuses to read with a different encryption key', async () => {
    await db.store.installations.save(workspaceInstall);
    const other = createStore(db.redis, { prefix: db.prefix, encryptionKey: 'ab'.repeat(32) });
    await expect(other.installations.find({ teamId: 'T1' })).rejects.toBeInstanceOf(DecryptionError);
  });

  it('keys an org-wide install by its enterprise, so any workspace of the org finds it', async () => {
    await db.store.installations.save(orgInstall);
    expect(await keysUnder(db.redis, db.prefix)).toEqual([
      `${db.prefix}:{E1}:installation`,
      `${db.prefix}:{E1}:installed-at`,
    ]);
    expect(
      await db.store.installations.find({ enterpriseId: 'E1', teamId: 'T7', isEnterpriseInstall: true }),
    ).toEqual(orgInstall);
  });

  it('deletes an installation', async () => {
    await db.store.installations.save(workspaceInstall);
    await db.store.installations.remove({ teamId: 'T1' });
    expect(await db.store.installations.find({ teamId: 'T1' })).toBeUndefined();
  });

  it('refuses to store tokens without an encryption key, saying which variable to set', async () => {
    const plain = createStore(db.redis, { prefix: db.prefix });
    await expect(plain.installations.save(workspaceInstall)).rejects.toBeInstanceOf(ConfigError);
    await expect(plain.installations.save(workspaceInstall)).rejects.toThrow(/TOKEN_ENCRYPTION_KEY/);
  });
});

describe('token cipher', () => {
  const cipher = createTokenCipher(KEY);

  it('opens what it sealed', () => {
    expect(cipher.open(cipher.seal('xoxb-abc', 'k1'), 'k1')).toBe('xoxb-abc');
  });

  it('rejects a truncated authentication tag', () => {
    const [version, iv, tag, data] = cipher.seal('xoxb-abc', 'k1').split('.');
    const short = Buffer.from(tag ?? '', 'base64')
      .subarray(0, 4)
      .toString('base64');
    expect(() => cipher.open([version, iv, short, data].join('.'), 'k1')).toThrow(DecryptionError);
  });

  it('refuses a key that is not 64 hex characters', () => {
    expect(() => createTokenCipher('short')).toThrow(/openssl rand -hex 32/);
  });
});
