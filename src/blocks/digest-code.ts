import { escapeMrkdwn, mrkdwn } from './format.js';
import { LIMITS } from './limits.js';

const OPEN = '```\n';
const CLOSE = '\n```';

/**
 * A mrkdwn text of a bold title and a code block of whole lines, escaped and kept within a section's 3,000
 * characters: lines that do not fit are left out and counted on a last line.
 */
export function titledCode(title: string, lines: readonly string[]): string {
  const head = `*${mrkdwn(title, 200)}*\n${OPEN}`;
  const room = LIMITS.sectionText - head.length - CLOSE.length - 40;
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    const escaped = escapeMrkdwn(line);
    if (size + escaped.length + 1 > room) break;
    kept.push(escaped);
    size += escaped.length + 1;
  }
  const left = lines.length - kept.length;
  if (left > 0) kept.push(`… ${left} more line${left === 1 ? '' : 's'}`);
  return `${head}${kept.join('\n')}${CLOSE}`;
}
