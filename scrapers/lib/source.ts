/** The contract between the shared runtime and one scraper module per source. */
import type { z } from 'zod';

/** Raw bytes of one fetch (live) or one captured file (replay), with where they came from. */
export interface Capture {
  mode: 'live' | 'replay';
  bytes: Uint8Array;
  /** Set when the capture is a folder (a source tree): every file by relative path. */
  files?: Record<string, Uint8Array>;
  /** The live URL these bytes are (or would be) served from. */
  url: string;
  /** The date the data describes: the version date of what parsing it produces. */
  asOf: string;
  /** ISO timestamp of the fetch; in replay the capture date, so output stays byte-identical. */
  fetchedAt: string;
  sha256: string;
  /** Replay only: the public copy these bytes were taken from. */
  copiedFrom?: { repo: string; commit: string };
  captured?: string;
  replayFile?: string;
  etag?: string;
  lastModified?: string;
}

/** One thing a scraper asks for: a dataset of the source, in one format, at one live URL. */
export interface Target {
  dataset: string;
  format: string;
  url: string;
  /** Media types we expect; an HTML page instead is refused as an error page. */
  accept?: string[];
  /** Request headers built from the environment at fetch time (API keys). Never written to sidecars. */
  headers?: () => Record<string, string>;
  maxBytes?: number;
  /**
   * An environment variable (an API key) without which this target is skipped in live mode,
   * reported as "skipped" rather than failing the whole source. Replay never needs it.
   */
  requiresEnv?: string;
  /**
   * A fragile target (an HTML page behind a bot wall) whose failure should not stop the
   * source's other targets from refreshing. Its failure is still reported and still makes
   * the command exit non-zero.
   */
  optional?: boolean;
}

export interface ParsedVersion<Row> {
  asOf: string;
  rows: Row[];
  /** Output dataset name when a format yields several tables from one file (defaults to the target's). */
  dataset?: string;
  /** Source records deliberately left out (e.g. placeholder rows with no model), with why: recorded in the sidecar. */
  skipped?: { count: number; reason: string };
}

export interface FormatSpec<Row extends Record<string, unknown> = Record<string, unknown>> {
  format: string;
  /** Output column order: the published CSV's header. */
  columns: readonly (keyof Row & string)[];
  /** Every row is validated against this before anything is written. */
  row: z.ZodType<Row>;
  parse(capture: Capture, target: Target): ParsedVersion<Row>[];
}

export interface SourceDef {
  id: string;
  name: string;
  homepage: string;
  licence: string;
  citation: string;
  /** Caveats carried into every sidecar (e.g. "captured by a community collector"). */
  notes?: string;
  targets(): Target[];
  // Row types differ per format; the runtime treats them uniformly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  formats: Record<string, FormatSpec<any>>;
}

export function defineFormat<Row extends Record<string, unknown>>(spec: FormatSpec<Row>): FormatSpec<Row> {
  return spec;
}
