/**
 * The claims check: every data-backed sentence holds on the committed tables, and a refresh
 * that falsifies one makes say() (and so the build) fail with the sentence's text.
 */
import { describe, expect, it, vi } from 'vitest';
import { alteredData, loadReport as loadClaims, resetReportAfterEach } from '../helpers/published-data.ts';

resetReportAfterEach();

describe('claims on the committed data', () => {
  it('every claim holds, and every claim has a rule', async () => {
    const { buildClaims } = await loadClaims();
    const claims = buildClaims();
    expect(claims.length).toBeGreaterThanOrEqual(15);
    for (const c of claims) {
      expect(c.rule, c.id).not.toBe('');
      expect(c.holds, `${c.id}: ${c.text}`).toBe(true);
    }
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });

  it('sentences carry the numbers of the data, not placeholders', async () => {
    const { buildClaims } = await loadClaims();
    for (const c of buildClaims()) expect(c.text, c.id).not.toMatch(/undefined|NaN|\[object|Infinity/);
  });
});

describe('a refresh that falsifies a claim fails with the claim text', () => {
  it('if Chinese open models stopped being open, "the top open models are Chinese" fails', async () => {
    const dir = alteredData('models', (r) => (r.country_group === 'China' && r.openness !== 'closed' ? { ...r, openness: 'closed', weights_downloadable: 'false' } : r));
    const { say, ClaimFailed } = await loadClaims(dir);
    expect(() => say('aa-open-top-cn')).toThrow(ClaimFailed);
    expect(() => say('aa-open-top-cn')).toThrow(/Claim "aa-open-top-cn" is no longer supported by the data \(at least 6 of the top 10 open families are Chinese\)\. It read: "Keep only models/);
  });

  it('if the best closed model fell below the best open one, "closed models still lead" fails', async () => {
    const dir = alteredData('best_by_date', (r) => (r.source === 'artificialanalysis' && r.openness === 'open' ? { ...r, value: String(Number(r.value) + 50) } : r));
    const { say } = await loadClaims(dir);
    expect(() => say('aa-closed-still-leads')).toThrow(/no longer supported.*Closed models still lead/);
  });

  it('an unknown claim id is a programming error, said plainly', async () => {
    const { say } = await loadClaims();
    expect(() => say('no-such-claim')).toThrow(/no claim "no-such-claim"/);
  });
});

describe('REPORT_CLAIMS=warn (synthetic benchmark builds only)', () => {
  it('prints the failure and keeps the sentence instead of throwing', async () => {
    const dir = alteredData('best_by_date', (r) => (r.source === 'artificialanalysis' && r.openness === 'open' ? { ...r, value: String(Number(r.value) + 50) } : r));
    process.env.REPORT_CLAIMS = 'warn';
    try {
      const { say } = await loadClaims(dir);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect(say('aa-closed-still-leads')).toMatch(/^Closed models still lead/);
      expect(warn.mock.calls[0]![0]).toMatch(/no longer supported/);
    } finally {
      delete process.env.REPORT_CLAIMS;
    }
  });
});
