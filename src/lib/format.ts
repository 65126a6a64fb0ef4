/** Number and date formatting for prose and captions: one place, so the article speaks consistently. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const fmtDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
};
export const fmtMonth = (iso: string): string => {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
};
export const pct = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const num = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** 1.04e12 → "1.04 trillion"; 3.2e10 → "32 billion". */
export function params(n: number): string {
  if (n >= 1e12) return `${num(n / 1e12, 2)} trillion`;
  if (n >= 1e9) return `${num(n / 1e9, n >= 1e11 ? 0 : 1)} billion`;
  return `${num(n / 1e6, 0)} million`;
}

export function gb(bytes: number): string {
  const g = bytes / 1e9;
  return g >= 1000 ? `${num(g / 1000, 2)} TB` : `${num(g, g >= 100 ? 0 : 1)} GB`;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** 3 → "three", 15 → "15": words for small counts, as a newspaper writes them. */
export const word = (n: number): string => WORDS[n] ?? int(n);

/** "all ten", "nine of the ten", "none of the ten". */
export function countOf(n: number, total: number): string {
  if (n === total) return total === 2 ? 'both' : `all ${word(total)}`;
  if (n === 0) return `none of the ${word(total)}`;
  return `${word(n)} of the ${word(total)}`;
}

export const capitalise = (s: string): string => (s ? `${s[0]!.toUpperCase()}${s.slice(1)}` : s);

/** 1 → "st", 12 → "th", 23 → "rd". */
// English ordinal plural categories from Intl (CLDR) rather than a hand-written 11th–13th rule.
const ORDINAL = new Intl.PluralRules('en-US', { type: 'ordinal' });
const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
export const ordinalSuffix = (n: number): string => ORDINAL_SUFFIX[ORDINAL.select(n)] ?? 'th';

/** "a 73% bar", "an 80% bar": the article for a number as it is read aloud. */
export const aOrAn = (numberText: string): string => (/^(8|11|18)(\D|$)|^8/.test(numberText) ? 'an' : 'a');
