/** Dates of the data, read from the provenance sidecars of the source versions the tables use. */
import { tables } from './tables.ts';

/** The newest as_of among the tables' source rows: "data as of" for the article. */
export function dataAsOf(): string {
  const dates = [
    ...tables.models().map((m) => m.source_as_of),
    ...tables.best().map((b) => b.as_of),
    ...tables.openShare().map((o) => o.source_as_of),
    ...tables.providers().map((p) => p.as_of),
    ...tables.verifier().map((r) => r.as_of),
  ];
  return dates.reduce((a, b) => (a > b ? a : b));
}
