/** The refresh pull request body: steps, the failing sentence, changes, claims report, changelog. */
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, brokenClaimsInLog, prBody } from '../../tools/refresh-pr-body.ts';
import { ClaimFailed } from '../../src/lib/claims.ts';
import type { ClaimsHistory } from '../../src/lib/claims-history.ts';

const history: ClaimsHistory = {
  versions: [
    { version: '2026.01.01-aaaaaaa', as_of: '2026-01-01', claims: { top: { text: 'Seven of ten are American.', holds: true } }, figures: { f: { title: 'Ranking', csv_sha256: '1' } } },
    { version: '2026.02.01-bbbbbbb', as_of: '2026-02-01', claims: { top: { text: 'Six of ten are American.', holds: false } }, figures: { f: { title: 'Ranking', csv_sha256: '2' } } },
  ],
};
const ok = [{ name: 'Scrape (live)', exit: 0 }, { name: 'Normalize, claims and build', exit: 0 }, { name: 'Tests', exit: 0 }];

describe('refresh pull request body', () => {
  it('reads the failing sentence from the build log, as the build prints it', () => {
    const log = `building...\nnormalize ok\n${new ClaimFailed({ id: 'aa-top-us', text: 'On the index, six of the ten strongest model families come from American labs.', holds: false, rule: 'at least 7 of the top 10 families are American', inputs: [], falsifiedBy: '' }).message}\n`;
    expect(brokenClaimsInLog(log)).toEqual([{ id: 'aa-top-us', rule: 'at least 7 of the top 10 families are American', text: 'On the index, six of the ten strongest model families come from American labs.' }]);
  });

  it('puts a broken sentence in the body and asks for a draft, even when the build log lost it', () => {
    const { body, draft, broken } = prBody({ steps: [ok[0]!, { name: 'Normalize, claims and build', exit: 1, log: 'astro failed' }, { name: 'Tests', exit: null }], history, version: '2026.02.01-bbbbbbb', brokenFromLog: [], claimsReport: null, changelog: 'epoch/notable: 2 added' });
    expect(draft).toBe(true);
    expect(broken.map((b) => b.id)).toEqual(['top']);
    expect(body).toContain('### Sentences whose rule broke');
    expect(body).toContain('> Six of ten are American.');
    expect(body).toContain('| Normalize, claims and build | **failed** (exit 1) |');
    expect(body).toContain('| Tests | not run |');
    expect(body).toContain('  - before: Seven of ten are American.');
    expect(body).toContain('- Ranking (`f`): data changed');
    expect(body).toContain('epoch/notable: 2 added');
  });

  it('quotes a failed step’s error lines, without build progress or stack frames', () => {
    const log = ['10:00:01   ├─ /data/index.html (+59ms)', '10:00:02 [ERROR] [build] Caught error rendering /: boom', '    at say (claims.mjs:1:1)', '  Stack trace:', '10:00:02 [ERROR] [build] Caught error rendering /: boom'].join('\n');
    const { body } = prBody({ steps: [{ name: 'Build', exit: 1, log }], history, version: '2026.02.01-bbbbbbb', brokenFromLog: [], claimsReport: null, changelog: null });
    const excerpt = body.split('### Build: what the log says')[1]!.split('```')[1]!;
    expect(excerpt.trim()).toBe('10:00:02 [ERROR] [build] Caught error rendering /: boom');
  });

  it('is ready when every step passed and every rule holds, and includes the claims report when there is one', () => {
    const fine: ClaimsHistory = { versions: [{ ...history.versions[0]! }] };
    const { body, draft } = prBody({ steps: ok, history: fine, version: '2026.01.01-aaaaaaa', brokenFromLog: [], claimsReport: '# Claims\n\n28 of 28 hold.', changelog: null });
    expect(draft).toBe(false);
    expect(body).toContain('### Claims report');
    expect(body).toContain('28 of 28 hold.');
    expect(body).toContain('first recorded version');
  });

  it('stays under GitHub’s body limit with a huge changelog', () => {
    const { body } = prBody({ steps: ok, history, version: '2026.02.01-bbbbbbb', brokenFromLog: [], claimsReport: 'x'.repeat(200_000), changelog: 'y'.repeat(200_000) });
    expect(body.length).toBeLessThan(BODY_LIMIT + 1_000);
    expect(body).toMatch(/Changelog cut here/);
  });
});
