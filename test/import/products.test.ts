import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadProductPrices } from '../../src/import/index.js';
import { mavenPath } from './helpers.js';

describe('loadProductPrices', () => {
  it('reads the Maven price list as product → list price, spelled as the list spells it', async () => {
    const prices = await loadProductPrices(mavenPath('products.csv'));
    expect(Object.fromEntries(prices)).toEqual({
      'GTX Basic': 550,
      'GTX Pro': 4821,
      'MG Special': 55,
      'MG Advanced': 3393,
      'GTX Plus Pro': 5482,
      'GTX Plus Basic': 1096,
      'GTK 500': 26768,
    });
  });

  it('refuses a price list with a price that is not a number, naming the row', async () => {
    const path = fileURLToPath(new URL('../fixtures/csv/products-bad-price.csv', import.meta.url));
    const error = await loadProductPrices(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String(error)).toMatch(
      /products-bad-price\.csv row 3: needs a product and a sales_price such as 550, got "n\/a"/,
    );
  });
});
