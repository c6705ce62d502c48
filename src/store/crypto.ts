import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError, DecryptionError } from '../errors.js';

const VERSION = 'v1';
const IV_BYTES = 12;
// Fixed so a truncated tag is rejected; GCM would otherwise accept tags as short as 4 bytes.
const TAG_BYTES = 16;

/** Encrypts and decrypts records at rest with AES-256-GCM. */
export interface TokenCipher {
  /** Encrypts `plaintext`; `context` (the Redis key) is authenticated too, so a record moved to another key fails. */
  seal(plaintext: string, context: string): string;
  /** Decrypts a sealed record; throws when it was tampered with, moved, or sealed with another key. */
  open(sealed: string, context: string): string;
}

/** Builds a cipher from TOKEN_ENCRYPTION_KEY (64 hex characters). */
export function createTokenCipher(keyHex: string): TokenCipher {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
    throw new ConfigError([
      {
        path: 'TOKEN_ENCRYPTION_KEY',
        message: 'must be 64 hex characters; make one with `openssl rand -hex 32`',
      },
    ]);
  }
  const key = Buffer.from(keyHex, 'hex');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) {
        throw new DecryptionError(context);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new DecryptionError(context);
      }
    },
  };
}
