/** Version dates are file names and headline text ("Data as of …"): only real calendar days pass. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-02-28" yes; "2026-02-30", "2026-99-99", "2026-2-3" no. */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Why a version date cannot stand, or null: it must be a calendar date and not after the day
 * its bytes were captured (data cannot describe a day that had not come when it was fetched).
 */
export function versionDateProblem(asOf: string, capturedDay: string | undefined): string | null {
  if (!isCalendarDate(asOf)) return `as_of ${JSON.stringify(asOf)} is not a calendar date (YYYY-MM-DD)`;
  if (capturedDay !== undefined && isCalendarDate(capturedDay) && asOf > capturedDay) {
    return `as_of ${asOf} is after the capture date ${capturedDay}`;
  }
  return null;
}
