/**
 * The invariant every parser keeps on any input: it returns versions whose rows ALL pass the
 * format's zod row schema, or it throws a ParseError with a non-empty message. Anything else
 * (a TypeError, RangeError, SyntaxError, a zod error, a csv-parse error, a hang) is a bug.
 */
import { strToU8 } from 'fflate';
import { ParseError } from '../../../lib/errors.ts';
import type { Capture, FormatSpec, SourceDef, Target } from '../../../scrapers/lib/source.ts';

/** One parse may take at most this long, whatever the input (a runaway loop fails here rather than hanging CI). */
export const PARSE_BUDGET_MS = Number.parseInt(process.env.FC_PARSE_BUDGET_MS ?? '3000', 10);

export function captureOf(content: string | Uint8Array, opts: { url?: string; files?: Record<string, Uint8Array> } = {}): Capture {
  return {
    mode: 'replay',
    bytes: typeof content === 'string' ? strToU8(content) : content,
    files: opts.files,
    url: opts.url ?? 'https://example.test/capture',
    asOf: '2025-01-01',
    fetchedAt: '2025-01-01T00:00:00Z',
    sha256: 'x',
  };
}

/** Fails (with the real error attached) unless `err` is a ParseError with a message. */
export function assertParseError(err: unknown): asserts err is ParseError {
  if (!(err instanceof ParseError)) {
    const e = err as Error | undefined;
    throw new Error(`expected a ParseError, got ${e?.constructor?.name ?? typeof err}: ${e?.message ?? String(err)}\n${e?.stack ?? ''}`, { cause: err });
  }
  if (!err.message.trim()) throw new Error('ParseError with an empty message', { cause: err });
}

export type Outcome = { kind: 'rows'; versions: number; rows: number } | { kind: 'error'; error: ParseError };

/** Tallies of outcomes per property, so a property whose every run errors out is visible (FC_SUMMARY=1 prints them). */
export const tallies = new Map<string, { rows: number; empty: number; error: number }>();

function tally(name: string | undefined, outcome: Outcome): void {
  if (!name) return;
  const t = tallies.get(name) ?? { rows: 0, empty: 0, error: 0 };
  if (outcome.kind === 'error') t.error++;
  else if (outcome.rows === 0) t.empty++;
  else t.rows++;
  tallies.set(name, t);
}

export function printTallies(): void {
  if (!process.env.FC_SUMMARY) return;
  for (const [name, t] of tallies) console.log(`${name}: ${t.rows} with rows, ${t.empty} empty, ${t.error} ParseError`);
}

class BudgetError extends Error {}

function timed<T>(fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - start;
    // eslint-disable-next-line no-unsafe-finally
    if (ms > PARSE_BUDGET_MS) throw new BudgetError(`parse took ${Math.round(ms)} ms (budget ${PARSE_BUDGET_MS} ms): a runaway loop on this input`);
  }
}

/** Runs FormatSpec.parse and checks the invariant; returns what happened. */
export function checkFormat(spec: FormatSpec, capture: Capture, target: Target, name?: string): Outcome {
  let versions: ReturnType<FormatSpec['parse']>;
  try {
    versions = timed(() => spec.parse(capture, target));
  } catch (err) {
    if (err instanceof BudgetError) throw err;
    assertParseError(err);
    const outcome: Outcome = { kind: 'error', error: err };
    tally(name, outcome);
    return outcome;
  }
  if (!Array.isArray(versions)) throw new Error(`${spec.format}: parse returned ${typeof versions}, not a list of versions`);
  let rows = 0;
  for (const v of versions) {
    if (typeof v.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.asOf)) throw new Error(`${spec.format}: version date ${JSON.stringify(v.asOf)} is not YYYY-MM-DD`);
    if (!Array.isArray(v.rows)) throw new Error(`${spec.format}: version rows is not a list`);
    v.rows.forEach((row, i) => {
      const result = spec.row.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new Error(`${spec.format}: row ${i + 1} fails the row schema at ${issue.path.join('.')}: ${issue.message} (row ${JSON.stringify(row).slice(0, 400)})`);
      }
    });
    rows += v.rows.length;
  }
  const outcome: Outcome = { kind: 'rows', versions: versions.length, rows };
  tally(name, outcome);
  return outcome;
}

/** Runs a direct parse function: it returns, or throws a ParseError (its rows are checked by checkFormat). */
export function checkDirect<T>(fn: () => T, name?: string): { kind: 'value'; value: T } | { kind: 'error'; error: ParseError } {
  let value: T;
  try {
    value = timed(fn);
  } catch (err) {
    if (err instanceof BudgetError) throw err;
    assertParseError(err);
    tally(name, { kind: 'error', error: err });
    return { kind: 'error', error: err };
  }
  tally(name, { kind: 'rows', versions: 1, rows: Array.isArray(value) ? value.length : 1 });
  return { kind: 'value', value };
}

/** The parse outcome that must be a ParseError; returns it. */
export function expectParseError(fn: () => unknown): ParseError {
  let value: unknown;
  try {
    value = fn();
  } catch (err) {
    assertParseError(err);
    return err;
  }
  throw new Error(`expected a ParseError, got a result: ${JSON.stringify(value).slice(0, 300)}`);
}

/** The target of a source for a format (and dataset, when several share the format). */
export function targetOf(source: SourceDef, format: string, dataset?: string): Target {
  const t = source.targets().find((x) => x.format === format && (dataset === undefined || x.dataset === dataset));
  if (!t) throw new Error(`${source.id} has no target for ${format}${dataset ? `/${dataset}` : ''}`);
  return t;
}

export function specOf(source: SourceDef, format: string): FormatSpec {
  const spec = source.formats[format];
  if (!spec) throw new Error(`${source.id} has no format ${format}`);
  return spec;
}

/** Every format of a source must be covered by a property file: returns the ones not in `covered`. */
export function uncovered(source: SourceDef, covered: readonly string[]): string[] {
  return Object.keys(source.formats).filter((f) => !covered.includes(f));
}
