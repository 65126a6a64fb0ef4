/**
 * Child process for tests/unit/atomic-kill.test.ts: rewrites one large CSV through writeAtomic,
 * alternating two complete versions, forever, until the test kills it with SIGKILL.
 * Usage: node tests/helpers/atomic-writer.ts <final path> <megabytes> <output root for the temp journal>
 * Prints one line first: "ready <pid> <sha256 of version A> <sha256 of version B>".
 */
import { createHash } from 'node:crypto';
import { TempJournal, writeAtomic } from '../../lib/output.ts';

const [path, megabytes = '16', root] = process.argv.slice(2);
if (!path || !root) throw new Error('usage: atomic-writer.ts <final path> <megabytes> <root>');
// As a scrape run does: every temp file is recorded first, so the sweep after a kill finds it.
const journal = new TempJournal(root);

/** A CSV of about `mb` MB whose every row names its version, ending with a marker row. */
function bigCsv(version: string, mb: number): string {
  const row = `model-${version}-0000000,${version === 'A' ? 1 : 2}\n`;
  const rows = Math.ceil((mb * 1024 * 1024) / row.length);
  return `name,score\n${row.repeat(rows)}end-of-${version},0\n`;
}

const versions = [bigCsv('A', Number(megabytes)), bigCsv('B', Number(megabytes))];
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
process.stdout.write(`ready ${process.pid} ${sha(versions[0]!)} ${sha(versions[1]!)}\n`);
for (let n = 0; ; n++) writeAtomic(path, versions[n % 2]!, journal);
