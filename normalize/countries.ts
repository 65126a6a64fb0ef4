/**
 * Country names as sources spell them → ISO 3166-1 alpha-2. The ISO list comes from
 * i18n-iso-countries; the few spellings it misses live in data/reference/country_aliases.csv.
 */
import countries from 'i18n-iso-countries';
import { readFileSync } from 'node:fs';
import { contractOf } from '../lib/tables/index.ts';
import { parseTable } from '../lib/tables/io.ts';

export interface CountryResolver {
  /** "China;United States of America" → "CN;US". Unknown names throw, naming the name. */
  toIso(names: string | null, context: string): string | null;
  unresolved: Set<string>;
}

export function loadCountryResolver(aliasFile: string): CountryResolver {
  const aliases = new Map<string, string>();
  // Read by its contract (lib/tables/reference-inputs.ts); a blank iso2 maps the name to no country.
  for (const r of parseTable(contractOf('country_aliases'), readFileSync(aliasFile), 'data/reference/country_aliases.csv')) aliases.set(r.name.toLowerCase(), r.iso2 ?? '');
  const unresolved = new Set<string>();
  return {
    unresolved,
    toIso(names, context) {
      if (!names) return null;
      const codes: string[] = [];
      for (const raw of names.split(';')) {
        const name = raw.trim();
        if (!name) continue;
        const alias = aliases.get(name.toLowerCase());
        const code = alias !== undefined ? alias : (/^[A-Z]{2}$/.test(name) ? name : countries.getAlpha2Code(name, 'en'));
        if (code === undefined) {
          unresolved.add(`${name} (${context})`);
          continue;
        }
        if (code && !codes.includes(code)) codes.push(code);
      }
      return codes.length ? codes.join(';') : null;
    },
  };
}

export const countryName = (iso2: string): string => countries.getName(iso2, 'en', { select: 'official' }) ?? iso2;
