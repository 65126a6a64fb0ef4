/**
 * A failure while scraping, carrying everything a maintainer needs to find the cause
 * without re-running: which source, which URL, which field and row, and a likely reason.
 */
export interface ScrapeErrorDetails {
  source: string;
  url?: string;
  dataset?: string;
  field?: string;
  /** 1-based data row number (header excluded) or a key that names the record. */
  row?: number | string;
  /** What probably happened, phrased as a suggestion. */
  hint?: string;
  cause?: unknown;
}

export class ScrapeError extends Error {
  readonly details: ScrapeErrorDetails;

  constructor(message: string, details: ScrapeErrorDetails) {
    super(formatMessage(message, details), details.cause ? { cause: details.cause } : undefined);
    this.name = 'ScrapeError';
    this.details = details;
  }
}

function formatMessage(message: string, d: ScrapeErrorDetails): string {
  const where = [
    `source=${d.source}`,
    d.dataset ? `dataset=${d.dataset}` : '',
    d.url ? `url=${d.url}` : '',
    d.field !== undefined ? `field=${JSON.stringify(d.field)}` : '',
    d.row !== undefined ? `row=${d.row}` : '',
  ].filter(Boolean).join(' ');
  return `${message} [${where}]${d.hint ? ` — likely cause: ${d.hint}` : ''}`;
}

/** Error raised by a parser: the runtime adds source, dataset and URL before reporting it. */
export class ParseError extends Error {
  readonly field?: string;
  readonly row?: number | string;
  readonly hint?: string;

  constructor(message: string, where: { field?: string; row?: number | string; hint?: string } = {}) {
    super(message);
    this.name = 'ParseError';
    this.field = where.field;
    this.row = where.row;
    this.hint = where.hint;
  }
}
