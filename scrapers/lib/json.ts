/** JSON in, the same way for every source: a parse failure says whether the file was cut off or is an HTML page. */
import { decodeUtf8 } from '../../lib/csv.ts';
import { ParseError } from '../../lib/errors.ts';

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse with a ParseError naming what was read and the likely cause. */
export function parseJson(content: Uint8Array | string, what: string): unknown {
  const s = typeof content === 'string' ? content : decodeUtf8(content);
  try {
    return JSON.parse(s);
  } catch (err) {
    const message = (err as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    const truncated = /end of (JSON )?input|Unterminated/i.test(message) || position >= s.trimEnd().length;
    throw new ParseError(`malformed JSON in ${what}: ${message}`, {
      hint: s.trimStart().startsWith('<')
        ? 'an HTML page was served instead of JSON'
        : truncated ? 'the download was cut off (truncated JSON)' : 'the file is not the JSON we expect',
    });
  }
}
