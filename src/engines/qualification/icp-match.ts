/** Text matching for the ICP: names, free-text phrases and places. */

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** True when one name contains the other, ignoring case, spaces and punctuation ("B2B SaaS" matches "SaaS"). */
export function namesMatch(a: string, b: string): boolean {
  const x = normalize(a).replace(/ /g, '');
  const y = normalize(b).replace(/ /g, '');
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** Words too common in sales phrases to show that two phrases mean the same thing. */
const COMMON = new Set([
  'about',
  'after',
  'from',
  'have',
  'into',
  'more',
  'less',
  'need',
  'needs',
  'than',
  'that',
  'their',
  'there',
  'they',
  'this',
  'with',
  'week',
  'hours',
  'team',
  'company',
]);

function keywords(text: string): Set<string> {
  const words = normalize(text)
    .split(' ')
    .map((w) => w.replace(/s$/, ''))
    .filter((w) => w.length >= 4 && !COMMON.has(w) && !COMMON.has(`${w}s`));
  return new Set(words);
}

/** True when two free-text phrases name the same thing: one contains the other, or they share a keyword. */
export function phrasesMatch(a: string, b: string): boolean {
  if (namesMatch(a, b)) return true;
  const left = keywords(a);
  return [...keywords(b)].some((w) => left.has(w));
}

/** Other ways people write a place, mapped to one canonical name. */
const SYNONYMS: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  'u s': 'united states',
  'u s a': 'united states',
  america: 'united states',
  uk: 'united kingdom',
  'great britain': 'united kingdom',
  britain: 'united kingdom',
  england: 'united kingdom',
  na: 'north america',
  eu: 'europe',
  anz: 'australia and new zealand',
};

const EUROPE = [
  'united kingdom',
  'ireland',
  'germany',
  'france',
  'spain',
  'portugal',
  'italy',
  'netherlands',
  'belgium',
  'luxembourg',
  'switzerland',
  'austria',
  'poland',
  'czech republic',
  'sweden',
  'norway',
  'denmark',
  'finland',
  'iceland',
];

/** Regions and the places inside them. */
const REGIONS: Record<string, readonly string[]> = {
  'north america': ['united states', 'canada', 'mexico'],
  europe: EUROPE,
  emea: [
    'europe',
    ...EUROPE,
    'united arab emirates',
    'saudi arabia',
    'israel',
    'south africa',
    'egypt',
    'nigeria',
    'kenya',
  ],
  dach: ['germany', 'austria', 'switzerland'],
  nordics: ['sweden', 'norway', 'denmark', 'finland', 'iceland'],
  benelux: ['belgium', 'netherlands', 'luxembourg'],
  apac: [
    'australia',
    'new zealand',
    'japan',
    'singapore',
    'india',
    'china',
    'south korea',
    'hong kong',
    'indonesia',
    'philippines',
    'malaysia',
    'vietnam',
    'thailand',
  ],
  'australia and new zealand': ['australia', 'new zealand'],
  latam: ['mexico', 'brazil', 'argentina', 'chile', 'colombia', 'peru'],
};

const GLOBAL = new Set(['global', 'worldwide', 'anywhere', 'international']);

function place(text: string): string {
  const name = normalize(text);
  return SYNONYMS[name] ?? name;
}

/** How a company's location relates to one ICP place: inside it, overlapping it (a wider region), or neither. */
export function placeMatch(company: string, icpPlace: string): 'inside' | 'overlaps' | 'outside' {
  const here = place(company);
  const there = place(icpPlace);
  if (GLOBAL.has(there) || here === there || REGIONS[there]?.includes(here)) return 'inside';
  if (GLOBAL.has(here) || REGIONS[here]?.includes(there)) return 'overlaps';
  return 'outside';
}
