/**
 * Colours for what is not a country or an openness class. Blue, vermillion and green mean the
 * US, China and Europe, orange means open weights and green open source (scales.ts): a reader who
 * has learnt those must not meet them again with another meaning, so these palettes avoid them.
 */
import { LICENCE_RESTRICTIVENESS, type LicenceRestrictiveness } from '../../lib/tables/enums.ts';

/** Bits per weight, in the memory chart and the price panels alike: one meaning for one colour. */
export const PRECISION_COLORS = { domain: ['16-bit', '8-bit', '4-bit'], range: ['#CC79A7', '#56B4E9', 'currentColor'] };

/** "not stated" is grey, the article's colour for "no information", not a format. */
export const NOT_STATED = '#8C8C8C';

/**
 * Licence kinds, from permissive to non-commercial: one purple ramp (darker is freer to use),
 * a hue no other figure uses, so a bar means only "licence kind". Unknown is the grey of "no information".
 */
const LICENCE_KIND_COLOR: Record<LicenceRestrictiveness, string> = {
  permissive: '#4B2C8F',
  conditional: '#7D6BBD',
  restricted: '#AE9FDB',
  'non-commercial': '#DCD3F2',
  unknown: NOT_STATED,
};
/** In the contract's order (lib/tables/enums.ts), freest first: a kind added there needs a colour here. */
export const LICENCE_KIND_COLORS = {
  domain: [...LICENCE_RESTRICTIVENESS],
  range: LICENCE_RESTRICTIVENESS.map((k) => LICENCE_KIND_COLOR[k]),
};
