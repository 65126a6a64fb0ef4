/**
 * Type-level checks of the table contracts, compiled by `npm run typecheck` (not run by vitest:
 * a type error is the failure). Each `@ts-expect-error` must meet an error, or tsc fails on the
 * unused directive: a misspelt column, a value outside an enum, a blank in a required column.
 */
import type { TableRow } from '../../lib/tables/index.ts';
import type { ModelRow } from '../../normalize/steps/models.ts';
import type { VendorRow } from '../../normalize/steps/vendor-verifier.ts';
import type { Hardware } from '../../normalize/reference.ts';

declare const model: ModelRow;
declare const vendor: VendorRow;
declare const hw: Hardware;

export const checks = [
  // The names the steps export are the contracts' row types.
  ((m: TableRow<'models'>): ModelRow => m)(model),
  model.country_group satisfies 'China' | 'United States' | 'Europe' | 'Other',
  model.total_parameters satisfies number | null,
  hw.available satisfies number,
  vendor.vendor_kind satisfies 'official-reference' | 'moonshot' | 'inference-engine' | 'third-party',
  // @ts-expect-error misspelt column
  model.contry_group,
  // @ts-expect-error a blank cell is null, so a nullable column is not a plain number
  model.total_parameters satisfies number,
  // @ts-expect-error not a vendor group of the contract
  ((g: VendorRow['group']) => g)('passed'),
];

// @ts-expect-error a row missing a required column (event_id) is not a row
export const partial: TableRow<'video'> = { title: 't', date_earliest: '2025-11-01', date_latest: '2025-11-02', evidence: 'e', url: null };
