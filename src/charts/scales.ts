/**
 * The shared colour scales, defined once. Okabe–Ito colours: distinguishable with the
 * common forms of colour blindness, and readable on light and dark backgrounds.
 */
export const COUNTRY_GROUPS = ['China', 'United States', 'Europe', 'Other'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

export const COUNTRY_COLORS: Record<CountryGroup, string> = {
  China: '#D55E00',
  'United States': '#0072B2',
  Europe: '#009E73',
  Other: '#8C8C8C',
};

export const OPENNESS_CLASSES = ['open-source', 'open-weight', 'closed'] as const;
export type Openness = (typeof OPENNESS_CLASSES)[number];

export const OPENNESS_COLORS: Record<Openness, string> = {
  'open-source': '#009E73',
  'open-weight': '#E69F00',
  closed: '#8C8C8C',
};

export const countryColor = { type: 'categorical' as const, domain: [...COUNTRY_GROUPS], range: COUNTRY_GROUPS.map((c) => COUNTRY_COLORS[c]) };
export const opennessColor = { type: 'categorical' as const, domain: [...OPENNESS_CLASSES], range: OPENNESS_CLASSES.map((c) => OPENNESS_COLORS[c]) };

const EUROPE = new Set(['FR', 'DE', 'GB', 'IT', 'ES', 'NL', 'CH', 'SE', 'FI', 'NO', 'DK', 'BE', 'AT', 'IE', 'PL', 'PT', 'CZ', 'EU']);

/** Hong Kong and Macao labs count with China: the article's question is about Chinese labs. */
const CHINA = new Set(['CN', 'HK', 'MO']);

function groupOf(code: string): CountryGroup {
  if (CHINA.has(code)) return 'China';
  if (code === 'US') return 'United States';
  if (EUROPE.has(code)) return 'Europe';
  return 'Other';
}

/**
 * Maps an ISO 3166 alpha-2 code, or "CN;US" for a collaboration, to the chart's country group.
 * A collaboration counts for a group only when all its labs belong to it; mixed ones are "Other".
 */
export function countryGroup(iso: string | null | undefined): CountryGroup {
  if (!iso) return 'Other';
  const groups = new Set(iso.split(';').filter(Boolean).map(groupOf));
  return groups.size === 1 ? [...groups][0]! : 'Other';
}

/**
 * A categorical colour scale cut down to the values a chart actually draws, keeping each value's
 * colour: legends then list only what is on the chart.
 */
export function usedOnly<S extends { domain: readonly string[]; range: readonly string[] }>(scale: S, used: Iterable<string | null | undefined>): S & { domain: string[]; range: string[] } {
  const present = new Set(used);
  const keep = scale.domain.map((d, i) => [d, scale.range[i]!] as const).filter(([d]) => present.has(d));
  return { ...scale, domain: keep.map(([d]) => d), range: keep.map(([, r]) => r) };
}

/** The country scale with only the groups present in `groups`. */
export const countryColorFor = (groups: Iterable<string | null | undefined>) => usedOnly(countryColor, groups);

/** Colour for marks that carry no category (one dot per host): neutral, so orange keeps meaning "open weights" and vermillion "China". */
export const NEUTRAL = 'currentColor';
