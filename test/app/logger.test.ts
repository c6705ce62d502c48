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

  it('leaves ordinary text alone', () => {
    expect(scrub('posted the blueprint to #sales')).toBe('posted the blueprint to #sales');
  });
});
