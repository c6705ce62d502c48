import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/sandbox/index.js';
import { clientFor, slackError, startWorkspace } from './fixtures.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startWorkspace();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.stop());

describe('file uploads', () => {
  it('takes files.uploadV2 end to end: upload URL, POST of the bytes, completion into a thread', async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: 'C0SALES', text: 'Blueprint for Acme' });
    const csv = 'stage,probability\nLead,10\nQualified,25\n';
    await client.files.uploadV2({
      channel_id: 'C0SALES',
      thread_ts: parent.ts ?? '',
      filename: 'pipeline.csv',
      title: 'Pipeline stages',
      initial_comment: 'The full blueprint',
      content: csv,
    });

    expect(standIn.calls().map((c) => c.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(standIn.calls('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'pipeline.csv',
      length: String(Buffer.byteLength(csv)),
    });
    const [file] = standIn.files();
    expect(file).toMatchObject({
      name: 'pipeline.csv',
      title: 'Pipeline stages',
      channels: ['C0SALES'],
      thread_ts: parent.ts,
      initial_comment: 'The full blueprint',
      mimetype: 'text/csv',
    });
    expect(file?.content.toString('utf8')).toBe(csv);
    const reply = standIn.messages('C0SALES').find((m) => m.files !== undefined);
    expect(reply).toMatchObject({
      thread_ts: parent.ts,
      text: 'The full blueprint',
      files: [{ id: file?.id }],
    });
  });

  it('refuses to complete a file whose bytes never arrived with file_not_found', async () => {
    const client = clientFor(standIn);
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'a.txt', length: 3 });
    const call = client.files.completeUploadExternal({
      files: [{ id: file_id ?? '' }],
      channel_id: 'C0SALES',
    });
    expect(await slackError(call)).toBe('file_not_found');
    expect(standIn.files()).toEqual([]);
  });

  it('refuses to share into a channel the bot is not in', async () => {
    const client = clientFor(standIn);
    await expect(
      client.files.uploadV2({ channel_id: 'C0OPS', filename: 'a.txt', content: 'abc' }),
    ).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('answers an upload URL for an unknown file with 404', async () => {
    const response = await fetch(`${standIn.baseUrl}/upload/v1/F0NOPE`, {
      method: 'POST',
      body: 'abc',
    });
    expect(response.status).toBe(404);
  });
});
