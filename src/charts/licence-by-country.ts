/** Open-weight models per country group, split by how restrictive their licence is. */
import * as Plot from '@observablehq/plot';
import { MARGIN, labelMargin } from './layout.ts';
import { LICENCE_KIND_COLORS } from './palettes.ts';
import { COUNTRY_GROUPS, usedOnly } from './scales.ts';
import { LICENCE_RESTRICTIVENESS, type LicenceRestrictiveness } from '../../lib/tables/enums.ts';

export interface LicenceCount {
  country_group: string;
  restrictiveness: LicenceRestrictiveness;
  models: number;
}

/** Stacking order, freest first: the licence kinds as the tables define them. */
export const RESTRICTIVENESS = LICENCE_RESTRICTIVENESS;

export function licenceByCountry(rows: LicenceCount[], { width = 720 }: { width?: number } = {}): Plot.PlotOptions {
  return {
    width,
    height: 220,
    marginBottom: MARGIN.bottomLabelled,
    marginLeft: labelMargin(COUNTRY_GROUPS.filter((g) => rows.some((r) => r.country_group === g)), width),
    marginRight: 16,
    x: { label: width < 560 ? 'Share of open-weight models' : 'Share of the group’s open-weight models', percent: true, grid: true, ticks: width < 560 ? 4 : 10 },
    y: { domain: COUNTRY_GROUPS.filter((g) => rows.some((r) => r.country_group === g)), label: null },
    color: { ...usedOnly(LICENCE_KIND_COLORS, rows.filter((r) => r.models > 0).map((r) => r.restrictiveness)), legend: true, label: 'Licence' },
    marks: [
      Plot.barX(rows, Plot.stackX({ offset: 'normalize', order: [...RESTRICTIVENESS] }, { y: 'country_group', x: 'models', fill: 'restrictiveness', title: (d: LicenceCount) => `${d.country_group}: ${d.models} ${d.restrictiveness}` })),
      Plot.ruleX([0, 1]),
    ],
  };
}
