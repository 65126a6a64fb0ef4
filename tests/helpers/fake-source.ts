/** A tiny source and replay folder built in a temp dir, to test the runtime without real captures. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { decodeUtf8, readCsv } from '../../lib/csv.ts';
import { defineFormat, type SourceDef } from '../../scrapers/lib/source.ts';
import { num, text } from '../../scrapers/lib/values.ts';

const row = z.object({ name: z.string().min(1), score: z.number().min(0).max(100, 'score above 100: did the source change scale?').nullable() });

export function fakeSource(id: string, datasets: string[], url = (d: string) => `https://example.test/${id}/${d}.csv`): SourceDef {
  return {
    id,
    name: `Fake ${id}`,
    homepage: 'https://example.test',
    licence: 'CC0-1.0',
    citation: `Fake ${id}`,
    targets: () => datasets.map((dataset) => ({ dataset, format: 'fake-csv', url: url(dataset), accept: ['text/csv'] })),
    formats: {
      'fake-csv': defineFormat({
        format: 'fake-csv',
        columns: ['name', 'score'],
        row,
        parse: (capture) => [{
          asOf: capture.asOf,
          rows: readCsv(decodeUtf8(capture.bytes), { required: ['name', 'score'] }).map((r, i) => ({ name: text(r.name)!, score: num(r.score, 'score', i + 1) })),
        }],
      }),
    },
  };
}

export interface FakeCapture { source: string; dataset: string; as_of: string; captured?: string; content: string }

/** Writes files and a manifest.json in the snapshots format; returns the folder. */
export function makeReplayDir(captures: FakeCapture[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  const entries = captures.map((c, i) => {
    const file = `${c.source}/${c.dataset}.${c.as_of}.${i}.csv`;
    mkdirSync(join(dir, c.source), { recursive: true });
    writeFileSync(join(dir, file), c.content);
    return {
      source: c.source, format: 'fake-csv', dataset: c.dataset, as_of: c.as_of, captured: c.captured ?? c.as_of, file,
      sha256: createHash('sha256').update(c.content).digest('hex'), bytes: Buffer.byteLength(c.content),
      live_url: `https://example.test/${c.source}/${c.dataset}.csv`, copied_from: { repo: 'someone/copy', commit: 'abc' },
    };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries }));
  return dir;
}
