/**
 * Child process for tests/unit/hardening-normalize.test.ts: runs the real normalize into an
 * output folder and SIGKILLs itself at a chosen step of the publish, as `kill -9` would land.
 * Usage: node tests/helpers/normalize-killer.ts <sources> <reference> <out> <before-commit|after-rename:N>
 */
import { normalize } from '../../normalize/cli.ts';

const [sourcesDir, referenceDir, outDir, when] = process.argv.slice(2);
if (!sourcesDir || !referenceDir || !outDir || !when) throw new Error('usage: normalize-killer.ts <sources> <reference> <out> <step>');
const die = () => process.kill(process.pid, 'SIGKILL');
const n = when.startsWith('after-rename:') ? Number(when.split(':')[1]) : -1;
normalize({
  sourcesDir, referenceDir, outDir,
  publishHooks: when === 'before-commit' ? { beforeCommit: die } : { afterRename: (i) => { if (i === n) die(); } },
});
// Reaching here means the kill never happened: the test reads this as a failure.
process.stdout.write('finished\n');
