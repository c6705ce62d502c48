import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CRM_SYSTEMS, designCrmFields, mappingCsv } from '../../src/engines/crm/index.js';
import { csvCell } from '../../src/engines/csv-cell.js';
import { designStages } from '../../src/engines/pipeline/index.js';

const HOSTILE = [
  '=HYPERLINK("http://evil.test","Click")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1,1)',
  '\tinbound',
  '\rinbound',
];
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('csvCell', () => {
  it.each(HOSTILE)('neutralises a cell that a spreadsheet would read as a formula: %j', (value) => {
    const rows = parse(csvCell(value)) as string[][];
    expect(rows[0]?.[0]).toBe(`'${value}`);
  });

  it('leaves ordinary text as it is, quoting only what RFC 4180 needs', () => {
    expect(csvCell('Inbound website')).toBe('Inbound website');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("it's=fine")).toBe("it's=fine");
  });
});

describe('CRM mapping files', () => {
  it.each(CRM_SYSTEMS)(
    'never write a live formula into the %s mapping, whatever the intake says',
    (system) => {
      for (const source of HOSTILE) {
        const objects = designCrmFields({
          stages: designStages({ model: 'hybrid', framework: 'bant' }),
          framework: 'bant',
          leadSources: [source, 'Partner'],
        });
        const rows = parse(mappingCsv(objects, system), { relax_column_count: true }) as string[][];
        const cells = rows.flat();
        expect(cells.some((c) => c.includes(source.slice(1)))).toBe(true);
        for (const cell of cells) expect(TRIGGERS.includes(cell[0] ?? '')).toBe(false);
      }
    },
  );
});
