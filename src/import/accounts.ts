import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { CompanyFacts } from '../engines/qualification/icp-fit.js';
import { InputError, type Problem } from '../errors.js';
import { parseAmount, quoteCell } from './cells.js';
import { normaliseSector } from './products.js';

/** The columns of the Maven sample's accounts.csv that say what an account is; the others are ignored. */
export const ACCOUNT_COLUMNS = ['account', 'sector', 'revenue', 'employees', 'office_location'] as const;

/** accounts.csv gives revenue in millions of US dollars (1100.04 is $1.1 billion); the ICP counts dollars. */
const REVENUE_UNIT = 1_000_000;

/** At most this many bad rows are listed; the count says how many more there were. */
const LISTED = 20;

/**
 * Reads an accounts.csv (the Maven sample's: account, sector, revenue in $ millions, employees,
 * office_location) into account name → the facts the ICP fit scores: industry, employees, annual revenue
 * and geography. An empty cell is an unknown fact, never a mismatch. Refuses the file, naming each bad row
 * and how to fix it, when a required column is missing or a number cannot be read.
 */
export async function loadAccountFacts(path: string): Promise<Map<string, CompanyFacts>> {
  const facts = new Map<string, CompanyFacts>();
  const problems: Problem[] = [];
  let bad = 0;
  const note = (problem: Problem) => {
    bad += 1;
    if (bad <= LISTED) problems.push(problem);
  };
  const columns = (header: string[]) => {
    const missing = ACCOUNT_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length > 0)
      throw new InputError([
        {
          path,
          message: `has no ${missing.join(', ')} column; an accounts.csv needs the columns ${ACCOUNT_COLUMNS.join(', ')}`,
        },
      ]);
    return header;
  };
  const parser = createReadStream(path).pipe(
    parse({ columns, bom: true, skip_empty_lines: true, trim: true }),
  );
  let row = 1;
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    row += 1;
    const name = record.account ?? '';
    const at = `${path} row ${row}`;
    if (name === '') {
      note({ path: at, message: 'has no account name; fill in the account column or delete the row' });
      continue;
    }
    const number = (column: 'employees' | 'revenue') => {
      const cell = record[column] ?? '';
      if (cell === '') return undefined;
      const value = parseAmount(cell);
      if (value === undefined || value < 0) {
        note({
          path: `${at} ${column}`,
          message: `${quoteCell(cell)} is not a number; give ${column === 'employees' ? 'a head count such as 250' : 'millions of dollars such as 12.5'}, or leave it empty`,
        });
        return undefined;
      }
      return value;
    };
    const employees = number('employees');
    const revenue = number('revenue');
    const sector = record.sector ?? '';
    const place = record.office_location ?? '';
    facts.set(name, {
      ...(sector === '' ? {} : { industry: normaliseSector(sector) }),
      ...(employees === undefined ? {} : { employees: Math.round(employees) }),
      ...(revenue === undefined ? {} : { annualRevenue: Math.round(revenue * REVENUE_UNIT) }),
      ...(place === '' ? {} : { geography: place }),
    });
  }
  if (bad > LISTED) problems.push({ path, message: `and ${bad - LISTED} more rows like these` });
  if (problems.length > 0) throw new InputError(problems);
  return facts;
}
