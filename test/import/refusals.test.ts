import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importDeals } from '../../src/import/index.js';
import { collector, fixture, NOW } from './helpers.js';

async function refusal(name: string): Promise<{ error: InputError; sinkCalls: number }> {
  const sink = collector();
  const error = await importDeals(fixture(name), { now: NOW, sink: sink.sink }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InputError))
    throw new Error(`expected an InputError for ${name}, got ${String(error)}`);
  return { error, sinkCalls: sink.batches.length };
}

describe('importDeals decodes the text encodings exports come in', () => {
  it.each([['pipedrive-utf8-bom.csv'], ['pipedrive-utf16le.csv'], ['pipedrive-utf16be.csv']])(
    'accepts %s and reads its accented names intact',
    async (name) => {
      const sink = collector();
      const result = await importDeals(fixture(name), { now: NOW, sink: sink.sink });
      expect(result.source).toBe('pipedrive');
      expect(result.mapping.columns[0]).toEqual({ column: 'Deal - ID', field: 'id' });
      expect(sink.deals()).toMatchObject([{ id: '201', account: 'Café Müller GmbH', owner: 'Zoë Ångström' }]);
    },
  );

  it('accepts a UTF-8 character split across two chunks of the stream', async () => {
    const bytes = Buffer.from(
      'Deal - ID,Deal - Stage,Deal - Organization\n7,Qualified,Café Müller\n',
      'utf8',
    );
    const cut = bytes.indexOf(Buffer.from('é')) + 1;
    const sink = collector();
    await importDeals(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), {
      now: NOW,
      sink: sink.sink,
    });
    expect(sink.deals()[0]?.account).toBe('Café Müller');
  });

  it('refuses a spreadsheet file (binary, not CSV text) saying how to export CSV', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    await expect(importDeals(Readable.from([xlsx]), { now: NOW, sink: async () => {} })).rejects.toThrow(
      /binary data.*CSV UTF-8/,
    );
  });

  it('refuses a Latin-1 file, saying it is not UTF-8 and how to save it as CSV UTF-8', async () => {
    const { error, sinkCalls } = await refusal('pipedrive-latin1.csv');
    expect(error.message).toMatch(/not UTF-8/);
    expect(error.message).toMatch(/CSV UTF-8/);
    expect(sinkCalls).toBe(0);
  });
});

describe('importDeals refuses a file without a usable header', () => {
  it('refuses an empty file', async () => {
    const { error } = await refusal('empty.csv');
    expect(error.message).toMatch(/file is empty/);
  });

  it('refuses a header with no deals under it, so an import never replaces deals with nothing', async () => {
    const { error } = await refusal('header-only.csv');
    expect(error.message).toMatch(/header row but no deals/);
  });

  it('refuses data without a header row, listing the columns each export has', async () => {
    const { error } = await refusal('maven-no-header.csv');
    expect(error.message).toMatch(/matches none of the exports/);
    expect(error.message).toMatch(/It has: 1C1I7A6R, Moses Frase/);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['hubspot', 'salesforce', 'pipedrive', 'maven']));
    expect(error.problems.find((p) => p.path === 'salesforce')?.message).toMatch(
      /needs Opportunity ID, Stage; also reads Amount/,
    );
    expect(error.problems.find((p) => p.path === 'maven')?.message).toMatch(
      /needs opportunity_id, deal_stage, engage_date, close_date, close_value;/,
    );
  });

  it('names the required column a recognised export lacks', async () => {
    const { error } = await refusal('hubspot-no-record-id.csv');
    expect(error.message).toBe(
      'The file looks like a HubSpot deals export but has no column "Record ID". ' +
        'Add the missing columns to the export and import it again.',
    );
  });
});

describe('importDeals refuses malformed CSV with the line to look at', () => {
  it('refuses an unterminated quote, naming the line where the quoted value starts', async () => {
    const { error, sinkCalls } = await refusal('unterminated-quote.csv');
    expect(error.problems[0]?.path).toBe('line 3');
    expect(error.message).toMatch(/never closed/);
    expect(sinkCalls).toBe(0);
  });

  it.each([
    [
      'a quote opening inside a value',
      `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n1,Ann,GTXPro,Acme "Big" Co,Won,2016-10-20,2017-03-01,100\n`,
    ],
    [
      'text after a closing quote',
      `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n1,Ann,GTXPro,"Acme" Co,Won,2016-10-20,2017-03-01,100\n`,
    ],
  ])("explains %s in its own words, without the parser's text", async (_what, text) => {
    const error = await importDeals(Readable.from([Buffer.from(text)]), {
      now: NOW,
      sink: collector().sink,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toContain('line 2');
    expect(message).toMatch(/double quote/);
    expect(message).not.toMatch(/Invalid|undefined|field|CSV_|quote_/);
  });

  it('refuses a row with more columns than the header, naming its line', async () => {
    const { error } = await refusal('wrong-column-count.csv');
    expect(error.problems).toEqual([
      {
        path: 'line 3',
        message:
          'the row has 9 columns, not as many as the header. Put a value that contains a comma in double quotes.',
      },
    ]);
  });
});

describe('importDeals reads a file the same however it arrives in pieces', () => {
  const header = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
  const text = [
    header,
    '1,Ann,GTXPro,"Acme, Inc.",Won,2016-10-20,2017-03-01,100',
    '',
    '2,Bob,GTXPro,"The ""Big"" Co",Lost,2016-10-21,2017-03-02,',
    '3,Cy,GTXPro,"Two',
    'lines",Engaging,2016-10-22,,',
    '4,Di,GTXPro,Plain,Won,2016-10-23,2017-03-04,5',
    '',
  ].join('\r\n');

  async function importIn(pieces: string[]) {
    const sink = collector();
    const result = await importDeals(Readable.from(pieces.map((p) => Buffer.from(p))), {
      now: NOW,
      sink: sink.sink,
    });
    return { result, deals: sink.deals() };
  }

  it('gives the same deals and row numbers for every piece size, with quotes and CRLF', async () => {
    const whole = await importIn([text]);
    expect(whole.deals.map((d) => d.account)).toEqual([
      'Acme, Inc.',
      'The "Big" Co',
      'Two\r\nlines',
      'Plain',
    ]);
    expect(whole.result.rowsRead).toBe(4);
    for (const size of [1, 2, 3, 7, 16]) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        text.slice(i * size, (i + 1) * size),
      );
      expect(await importIn(pieces)).toEqual(whole);
    }
  });

  it('names the line of a short row after a value that spans lines', async () => {
    const broken = `${text}5,Ed,GTXPro\r\n`;
    const error = await importIn([broken]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as InputError).problems).toEqual([
      {
        path: 'line 8',
        message:
          'the row has 3 columns, not as many as the header. Put a value that contains a comma in double quotes.',
      },
    ]);
  });

  it('names the line an unclosed quote opens on, and the last line, when the file arrives in small pieces', async () => {
    const broken = `${header}\n1,Ann,GTXPro,"Acme,Won,2016-10-20,2017-03-01,100\n2,Bob,GTXPro,Beta,Won,2016-10-20,2017-03-01,5\n`;
    const pieces = Array.from({ length: Math.ceil(broken.length / 5) }, (_, i) =>
      broken.slice(i * 5, (i + 1) * 5),
    );
    const error = await importIn(pieces).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as InputError).problems[0]?.path).toBe('line 2');
    expect((error as InputError).message).toContain('at line 3');
  });
});
