/**
 * npm run scrape -- [SOURCE...] [--replay DIR] [--all-dates] [--out DIR]
 *
 * Live by default. --replay DIR serves every request from DIR/manifest.json's captured files.
 * Exit code: 0 when every source refreshed completely, 1 when any source failed, 3 when none
 * failed but some refreshed only in part (a target skipped for lack of an API key, or an
 * optional target failed), 2 on bad arguments.
 */
import { accessSync, constants, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from './lib/http.ts';
import { isInside } from '../lib/output.ts';
import { exitCodeFor, formatSummary, runSources } from './lib/run.ts';
import { LiveTransport, ReplayTransport, type Transport } from './lib/transport.ts';
import { SOURCES } from './registry.ts';

const USAGE = `usage: npm run scrape -- [SOURCE...] [--replay DIR] [--all-dates] [--out DIR]
sources: ${SOURCES.map((s) => s.id).join(', ')}`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        replay: { type: 'string' },
        'all-dates': { type: 'boolean', default: false },
        out: { type: 'string', default: 'data/sources' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.positionals.filter((p) => !SOURCES.some((s) => s.id === p));
  if (unknown.length) {
    console.error(`unknown source(s): ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const sources = args.positionals.length ? SOURCES.filter((s) => args.positionals.includes(s.id)) : SOURCES;
  // An empty --replay would silently mean "live" (network, robots.txt); an empty --out the current folder.
  if (args.values.replay !== undefined && args.values.replay.trim() === '') {
    console.error(`--replay needs a folder holding a manifest.json (got an empty value)\n${USAGE}`);
    return 2;
  }
  let transport: Transport;
  try {
    transport = args.values.replay !== undefined
      ? new ReplayTransport(args.values.replay)
      : new LiveTransport(new HttpClient({ log: (l) => console.error(l) }));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const outProblem = checkOutDir(args.values.out!, transport instanceof ReplayTransport ? transport.realDir : undefined);
  if (outProblem) {
    console.error(outProblem);
    return 2;
  }
  const summary = await runSources(sources, {
    transport,
    outDir: args.values.out!,
    allDates: args.values['all-dates']!,
    log: (line) => console.error(line),
  });
  console.log(formatSummary(summary));
  for (const f of summary.filter((r) => r.status === 'failed')) console.error(`\nFAILED ${f.source}${f.outcome === 'partial' ? ` (target ${f.dataset}; the source's other targets refreshed)` : ''}: ${f.error}`);
  const partial = [...new Set(summary.filter((r) => r.outcome === 'partial').map((r) => r.source))];
  if (partial.length) console.error(`\nPARTIAL refresh of ${partial.join(', ')}: see the skipped or failed rows above`);
  return exitCodeFor(summary);
}

/** Why --out cannot be written to, or null; creates it when missing. */
function checkOutDir(out: string, replayDir: string | undefined): string | null {
  if (out.trim() === '') return `--out needs a folder (got an empty value)\n${USAGE}`;
  const dir = resolve(out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) return `--out ${out} is a file, not a folder`;
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    return `--out ${out} cannot be created or written to: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  if (replayDir && isInside(replayDir, realpathSync(dir))) {
    return `--out ${out} is inside the replay folder ${replayDir}: outputs must not mix with the captures`;
  }
  return null;
}

process.exitCode = await main(process.argv.slice(2));
