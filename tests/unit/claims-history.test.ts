/** The record of sentences and figures per data version, and what changed between versions. */
import { describe, expect, it } from 'vitest';
import { allChanges, changesOf, recordVersion, type VersionRecord } from '../../src/lib/claims-history.ts';

const v1: VersionRecord = {
  version: '2026.01.01-aaaaaaa', as_of: '2026-01-01',
  claims: { a: { text: 'Five of ten are American.', holds: true }, gone: { text: 'Old sentence.', holds: true }, same: { text: 'Unchanged.', holds: true } },
  figures: { f1: { title: 'Ranking', csv_sha256: '1111' }, f2: { title: 'Hosts', csv_sha256: '2222' }, old: { title: 'Dropped', csv_sha256: '3333' } },
};
const v2: VersionRecord = {
  version: '2026.02.01-bbbbbbb', as_of: '2026-02-01',
  claims: { a: { text: 'Six of ten are American.', holds: false }, same: { text: 'Unchanged.', holds: true }, fresh: { text: 'New sentence.', holds: true } },
  figures: { f1: { title: 'Ranking', csv_sha256: '1112' }, f2: { title: 'Hosts', csv_sha256: '2222' }, f3: { title: 'New', csv_sha256: '4444' } },
};

describe('claims history', () => {
  it('lists changed, added and removed figures and sentences, before → after', () => {
    const c = changesOf(v1, v2);
    expect(c.previous).toBe(v1.version);
    expect(c.figures).toEqual([
      { id: 'f1', title: 'Ranking', change: 'data changed' },
      { id: 'f3', title: 'New', change: 'added' },
      { id: 'old', title: 'Dropped', change: 'removed' },
    ]);
    expect(c.claims).toEqual([
      { id: 'a', before: 'Five of ten are American.', after: 'Six of ten are American.', holds: false },
      { id: 'fresh', before: null, after: 'New sentence.', holds: true },
      { id: 'gone', before: 'Old sentence.', after: null, holds: true },
    ]);
  });

  it('replaces a re-recorded version and appends a new one; changes come newest first', () => {
    let h = recordVersion({ versions: [] }, v1);
    h = recordVersion(h, { ...v1, claims: { ...v1.claims, a: { text: 'Reworded.', holds: true } } });
    expect(h.versions).toHaveLength(1);
    expect(h.versions[0]!.claims.a!.text).toBe('Reworded.');
    h = recordVersion(h, v2);
    const all = allChanges(h);
    expect(all.map((c) => c.version)).toEqual([v2.version, v1.version]);
    expect(all[1]).toMatchObject({ previous: null, figures: [], claims: [] });
  });
});
