/**
 * npm run scrape -- [SOURCE...] [--replay DIR] [--all-dates] [--out DIR]
 *
 * Live by default. --replay DIR serves every request from DIR/manifest.json's captured files.
 * Exit code: 0 when every source succeeded, 1 when any failed, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { HttpClient } from './lib/http.ts';
import { formatSummary, runSources } from './lib/run.ts';
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
  let transport: Transport;
  try {
    transport = args.values.replay
      ? new ReplayTransport(args.values.replay)
      : new LiveTransport(new HttpClient({ log: (l) => console.error(l) }));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const summary = await runSources(sources, {
    transport,
    outDir: args.values.out!,
    allDates: args.values['all-dates']!,
    log: (line) => console.error(line),
  });
  console.log(formatSummary(summary));
  const failed = summary.filter((r) => r.status === 'failed');
  for (const f of failed) console.error(`\nFAILED ${f.source}: ${f.error}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
