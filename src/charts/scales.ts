/**
 * The shared colour scales, defined once. Okabe–Ito colours: distinguishable with the
 * common forms of colour blindness, and readable on light and dark backgrounds.
 */
import { COUNTRY_GROUPS, OPENNESS_CLASSES, type CountryGroup, type Openness } from '../../lib/countries.ts';

// The groups and classes are methodology and live below every layer; re-exported so charts keep one import.
export { COUNTRY_GROUPS, OPENNESS_CLASSES, countryGroup, type CountryGroup, type Openness } from '../../lib/countries.ts';

export const COUNTRY_COLORS: Record<CountryGroup, string> = {
  China: '#D55E00',
  'United States': '#0072B2',
  Europe: '#009E73',
  Other: '#8C8C8C',
};

export const OPENNESS_COLORS: Record<Openness, string> = {
  'open-source': '#009E73',
  'open-weight': '#E69F00',
  closed: '#8C8C8C',
};

export const countryColor = { type: 'categorical' as const, domain: [...COUNTRY_GROUPS], range: COUNTRY_GROUPS.map((c) => COUNTRY_COLORS[c]) };
export const opennessColor = { type: 'categorical' as const, domain: [...OPENNESS_CLASSES], range: OPENNESS_CLASSES.map((c) => OPENNESS_COLORS[c]) };

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
