import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createKeys } from '../../src/store/keys.js';

describe('key names', () => {
  const keys = createKeys();

  it.each([
    ['profile', keys.profile('T123'), 'so:{T123}:profile'],
    ['draft', keys.draft('T123', 'U456'), 'so:{T123}:draft:U456'],
    ['settings', keys.settings('T123'), 'so:{T123}:settings'],
    ['blueprint', keys.blueprint('T123'), 'so:{T123}:blueprint'],
    ['installation', keys.installation('E789'), 'so:{E789}:installation'],
    ['event', keys.event('T123', 'Ev01ABC'), 'so:event:{T123}:Ev01ABC'],
    ['team pattern', keys.teamPattern('T123'), 'so:{T123}:*'],
  ])('%s key carries the team as a hash tag', (_name, key, expected) => {
    expect(key).toBe(expected);
  });

  it('uses the configured prefix', () => {
    expect(createKeys('test-1').profile('T1')).toBe('test-1:{T1}:profile');
  });

  it.each(['T1}', 'T*', 'T1:x', '', 'T 1'])('refuses the id %j, which could escape its key', (id) => {
    expect(() => keys.profile(id)).toThrow(InputError);
  });

  it('refuses a prefix with glob characters', () => {
    expect(() => createKeys('so*')).toThrow(InputError);
  });
});
