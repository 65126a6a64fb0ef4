/**
 * The country groups and openness classes the whole project counts by. They are methodology,
 * not styling: normalize groups rows with them, the schema publishes them as enums, and the
 * site colours them (src/charts/scales.ts). Kept here, below all three layers, so none of
 * them has to import another layer to learn the rule.
 */
export const COUNTRY_GROUPS = ['China', 'United States', 'Europe', 'Other'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

export const OPENNESS_CLASSES = ['open-source', 'open-weight', 'closed'] as const;
export type Openness = (typeof OPENNESS_CLASSES)[number];

/** Downloadable weights: open-weight and open-source both count as open; unknown (null) does not. */
export const isOpen = (o: string | null) => o === 'open-weight' || o === 'open-source';

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
