/** zod codecs for cells of our own CSVs (everything arrives as a string). */
import { z } from 'zod';
import { restoreFormula } from '../../lib/csv.ts';

export const cText = z.string().transform((s) => (s === '' ? null : restoreFormula(s)));
export const cNum = z.string().transform((s, ctx) => {
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `not a number: ${JSON.stringify(s)}` });
    return z.NEVER;
  }
  return n;
});
export const cBool = z.string().transform((s, ctx) => {
  if (s === '') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  ctx.addIssue({ code: 'custom', message: `not true/false: ${JSON.stringify(s)}` });
  return z.NEVER;
});
export const cDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected YYYY-MM-DD').transform((s) => (s === '' ? null : s));
