/**
 * The zod pieces the source row schemas share (lib/source-rows/*). They sit here, below scrapers/
 * and normalize/, because both read them: the scraper to validate the rows it writes, normalize
 * to validate the same rows when it reads them back (lib/source-rows/codec.ts).
 */
import { z } from 'zod';

/** A text cell: null when blank, never the empty string (the readers in scrapers/lib/values.ts turn blanks into null). */
export const nullableText = z.string().min(1).nullable();

/** A calendar day as the scrapers write it, or null when the source gives none. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
