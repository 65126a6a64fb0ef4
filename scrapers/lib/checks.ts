/**
 * Whole-file checks the parsers share: a field renamed at the source, a key that stopped being
 * unique, and the one zod piece every row schema uses. One definition each, so the rule and its
 * error message cannot drift between sources.
 */
import { ParseError } from '../../lib/errors.ts';
import { isRecord } from './json.ts';

/** A text cell: null when blank, never the empty string. Defined with the row schemas (lib/source-rows/), which normalize reads too. */
export { nullableText } from '../../lib/source-rows/fields.ts';

/** Whether a JSON record has `key` or `key.sub` (one level of nesting), even when its value is null. */
export function hasPath(record: unknown, path: string): boolean {
  const [key, sub] = path.split('.') as [string, string | undefined];
  if (!isRecord(record) || !(key in record)) return false;
  if (sub === undefined) return true;
  const inner = record[key];
  return isRecord(inner) && sub in inner;
}

/**
 * A key renamed at the source is absent from every record; one absent from a few records is a
 * missing value. So a required path fails only when no record in the file has it.
 * `every` names the records in the message ("record of the models page", "model").
 */
export function requirePaths(records: readonly unknown[], paths: readonly string[], has: (record: unknown, path: string) => boolean, every: string, hint: string): void {
  if (records.length === 0) return;
  for (const path of paths) {
    if (!records.some((r) => has(r, path))) throw new ParseError(`missing key "${path}" in every ${every}`, { field: path, hint });
  }
}

/** Fails on the first key seen twice, naming its 1-based row; `message` words the error for the source. */
export function checkUnique(keys: readonly string[], field: string, message: (key: string) => string, hint: string): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) throw new ParseError(message(k), { field, row: i + 1, hint });
    seen.add(k);
  });
}
