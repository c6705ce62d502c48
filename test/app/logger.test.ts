import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger, scrub } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('logger', () => {
  it('writes JSON lines with tokens and e-mail addresses redacted from objects', () => {
    const { lines, destination } = capture();
    const logger = createLogger('info', destination);
    logger.info(
      { installation: { bot: { token: 'xoxb-123-secret' } }, lead: { email: 'ann@acme.com' } },
      'saved',
    );
    const line = lines.join('');
    expect(JSON.parse(line)).toMatchObject({ msg: 'saved', level: 30 });
    expect(line).not.toContain('xoxb-123-secret');
    expect(line).not.toContain('ann@acme.com');
  });

  it('scrubs tokens and e-mail addresses from free text', () => {
    const { lines, destination } = capture();
    createLogger('info', destination).warn('token xoxb-1-2-abc failed for bob@example.org');
    expect(lines.join('')).toContain('token [token] failed for [email]');
  });

  it('routes Bolt log calls through the same JSON logger', () => {
    const { lines, destination } = capture();
    const bolt = boltLogger(createLogger('debug', destination));
    bolt.error('An API error occurred:', new Error('invalid_auth'));
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({
      component: 'bolt',
      msg: 'An API error occurred:',
      err: { message: 'invalid_auth' },
    });
  });

  it('redacts secrets inside message strings, such as the OAuth request body Bolt logs at debug', () => {
    const { lines, destination } = capture();
    const bolt = boltLogger(createLogger('debug', destination));
    bolt.debug('http request body', 'client_id=1.2&client_secret=s3cr3tv4lue&code=c0de&redirect_uri=x');
    bolt.debug(
      'http request body',
      JSON.stringify({ client_secret: 'an0th3rsecret', refresh_token: 'r3fr3sh' }),
    );
    bolt.debug('signing', 'signingSecret: sh0uldnotsh0w, token=xoxe.xoxp-1-abcdef');
    const text = lines.join('');
    for (const secret of ['s3cr3tv4lue', 'an0th3rsecret', 'r3fr3sh', 'sh0uldnotsh0w', 'xoxp-1-abcdef']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('client_id=1.2');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('redacts secrets deep inside objects and error messages, and known secret values anywhere', () => {
    const { lines, destination } = capture();
    const logger = createLogger('info', destination, { secrets: ['the-signing-secret-value'] });
    logger.error(
      { a: { b: { c: { d: { token: 'xoxb-9-deep' } } } }, err: new Error('failed with xapp-1-A-2-b') },
      'oops the-signing-secret-value',
    );
    const text = lines.join('');
    expect(text).not.toContain('xoxb-9-deep');
    expect(text).not.toContain('xapp-1-A-2-b');
    expect(text).not.toContain('the-signing-secret-value');
  });

  it('leaves ordinary text alone', () => {
    expect(scrub('posted the blueprint to #sales')).toBe('posted the blueprint to #sales');
  });
});
