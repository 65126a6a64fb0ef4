import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseKey, diffVersions, renderChangelog, renderDiff } from '../../normalize/diff.ts';

function sources(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'diff-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('diff between two versions of a source dataset', () => {
  const dir = sources({
    's/d/2025-01-01.csv': 'model,org,score\nA,X,1\nB,Y,2\nC,Z,3\n',
    's/d/2025-02-01.csv': 'model,org,score,new_col\nA,X,1,q\nB,Y,5,q\nD,W,4,q\n',
  });

  it('lists rows added, removed and changed with old and new values', () => {
    const d = diffVersions(dir, 's', 'd', '2025-01-01', '2025-02-01');
    expect(d.keyColumns).toEqual(['model']);
    expect(d.added).toEqual(['D']);
    expect(d.removed).toEqual(['C']);
    expect(d.changed).toEqual([{ key: 'B', field: 'score', before: '2', after: '5' }]);
    expect(d.columnsAdded).toEqual(['new_col']);
    expect(renderDiff(d)).toContain('~ B: score "2" → "5"');
  });

  it('finds a composite key when the first column repeats', () => {
    const rows = [{ model: 'A', org: 'X', date: '1' }, { model: 'A', org: 'Y', date: '1' }];
    expect(chooseKey(['model', 'org', 'date'], rows, rows)).toEqual(['model', 'org']);
  });

  it('names the versions that exist when asked for one that does not', () => {
    expect(() => diffVersions(dir, 's', 'd', '2024-01-01', '2025-02-01')).toThrow(/versions: 2025-01-01, 2025-02-01/);
  });

  it('summarises the newest change of every dataset with two versions', () => {
    expect(renderChangelog(dir)).toContain('s/d: 2025-01-01 → 2025-02-01');
  });
});
