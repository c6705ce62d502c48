/** Normalisers and format checks the hygiene rules share. */

const COMPANY_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'srl',
  'bv',
  'nv',
  'pty',
  'llp',
  'lp',
  'oy',
  'ab',
  'kk',
]);

/** Lower-cased, accents and punctuation removed, legal suffixes (Inc, LLC, Ltd, Corp …) dropped at the end. */
export function normaliseCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIXES.has(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

/** The bare host of a domain or URL: no scheme, `www.`, port, path or trailing dot, lower-cased. */
export function normaliseDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** Trimmed and lower-cased, so `Ana@Acme.com ` and `ana@acme.com` are the same address. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[a-z]{2,}$/i;
const E164 = /^\+[1-9]\d{1,14}$/;
const HOST = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/** A plausible e-mail address: one @, a dotted domain, a top-level domain of two or more letters. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** An E.164 phone number: `+`, a country code that does not start with 0, at most 15 digits in all. */
export function isE164(value: string): boolean {
  return E164.test(value.trim());
}

/** A web address: http(s) URL or a bare domain such as `acme.com`, with a real host name. */
export function isWebAddress(value: string): boolean {
  const text = value.trim();
  if (/\s/.test(text) || text === '') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return false;
  try {
    const url = new URL(scheme === undefined ? `https://${text}` : text);
    return HOST.test(url.hostname);
  } catch {
    return false;
  }
}
