/**
 * The body of the refresh pull request (.github/workflows/refresh.yml), in Markdown: the status
 * of each step, every sentence whose rule broke (as the failing sentence, from the build log and
 * the claims history), what readers will see change (figures, sentences before → after), the
 * claims report (data/reports/claims.md, when present) and the source changelog.
 *
 *   node tools/refresh-pr-body.ts --data data --scrape-log s.log --scrape-exit 0 \
 *     --build-log b.log --build-exit 1 --tests-exit 0 [--out body.md]
 *
 * Also run as a dry run over replayed captures: see README "Refreshing the data".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changesOf, type ClaimsHistory, type VersionChanges } from '../src/lib/claims-history.ts';

/** GitHub refuses pull request bodies over 65,536 characters; long sections are cut to fit. */
export const BODY_LIMIT = 65_000;

export interface StepStatus { name: string; exit: number | null; log?: string }

export interface BrokenClaim { id: string; rule: string; text: string }

/** ClaimFailed messages (src/lib/claims.ts) in a build log. */
export function brokenClaimsInLog(log: string): BrokenClaim[] {
  const out: BrokenClaim[] = [];
  const re = /Claim "([^"]+)" is no longer supported by the data \((.*?)\)\. It read: "(.*?)" — rewrite the sentence/g;
  for (const m of log.matchAll(re)) if (!out.some((b) => b.id === m[1])) out.push({ id: m[1]!, rule: m[2]!, text: m[3]! });
  return out;
}

const fence = (text: string) => `\`\`\`\n${text.replace(/```/g, "'''")}\n\`\`\``;
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');
/**
 * What a failed step's log says: its error lines when it has some (deduplicated), else its last
 * lines; never stack frames or build-progress lines (the message above them says what failed).
 */
function logExcerpt(text: string, lines: number): string {
  const all = text.trimEnd().split('\n').filter((l) => !/^\s+at /.test(l) && l.trim() !== 'Stack trace:' && !/^\S*\s*[├└]─/.test(l.replace(/^\d\d:\d\d:\d\d\s+/, '')));
  const errors = [...new Set(all.filter((l) => /\berror\b|failed|✗|×/i.test(l)))];
  return (errors.length ? errors : all).slice(-lines).join('\n');
}

function cut(text: string, max: number, what: string): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n\n… ${what} cut here (${text.length.toLocaleString('en-US')} characters in all; read the file in the branch).`;
}

export interface BodyInput {
  steps: StepStatus[];
  history: ClaimsHistory;
  /** The data version the branch publishes (datapackage.json). */
  version: string;
  brokenFromLog: BrokenClaim[];
  claimsReport: string | null;
  changelog: string | null;
}

function changesSection(c: VersionChanges | null): string {
  if (!c) return 'No claims history was recorded (the build stopped before it): see the build log above.';
  if (c.previous === null) return `Version ${c.version} is the first recorded version: nothing to compare with.`;
  const lines = [`Compared with version ${c.previous}:`, '', '**Figures**', ''];
  lines.push(...(c.figures.length ? c.figures.map((f) => `- ${f.title} (\`${f.id}\`): ${f.change}`) : ['- no figure changed']));
  lines.push('', '**Sentences**', '');
  if (!c.claims.length) lines.push('- no sentence changed');
  for (const cl of c.claims) {
    lines.push(`- \`${cl.id}\`${cl.holds ? '' : ' — **rule broken**'}`);
    if (cl.before !== null) lines.push(`  - before: ${cl.before}`);
    if (cl.after !== null) lines.push(`  - after: ${cl.after}`);
  }
  return lines.join('\n');
}

export function prBody(input: BodyInput): { body: string; draft: boolean; broken: BrokenClaim[] } {
  const latest = input.history.versions.find((v) => v.version === input.version) ?? null;
  const idx = latest ? input.history.versions.indexOf(latest) : -1;
  const changes = latest ? changesOf(input.history.versions[idx - 1] ?? null, latest) : null;
  // A broken rule shows in the build log (the build stops at the first) and in the history (all of them).
  const broken = [...input.brokenFromLog];
  for (const [id, c] of Object.entries(latest?.claims ?? {})) if (!c.holds && !broken.some((b) => b.id === id)) broken.push({ id, rule: c.rule ?? '(see src/lib/claims.ts)', text: c.text });
  const failed = input.steps.filter((s) => s.exit !== 0);
  const draft = failed.length > 0 || broken.length > 0;

  const parts: string[] = [];
  parts.push(`## Data refresh: version ${input.version}`, '');
  parts.push(draft
    ? '**Not ready to merge**: a step failed or a sentence of the article no longer holds. Rewrite the sentence in `src/lib/claims.ts` (or fix the source) on this branch, then mark the pull request ready.'
    : 'Every step passed and every sentence of the article still holds. Review the changes below, then merge to publish.');
  parts.push('', '| step | result |', '|---|---|');
  for (const s of input.steps) parts.push(`| ${s.name} | ${s.exit === null ? 'not run' : s.exit === 0 ? 'passed' : `**failed** (exit ${s.exit})`} |`);
  if (broken.length) {
    parts.push('', '### Sentences whose rule broke', '');
    for (const b of broken) parts.push(`**\`${b.id}\`** — the rule: ${b.rule}`, '', quote(b.text), '');
  }
  for (const s of failed) if (s.log) parts.push('', `### ${s.name}: what the log says`, '', fence(logExcerpt(s.log, 25)));
  parts.push('', '### What readers will see change', '', changesSection(changes));
  const fixed = parts.join('\n');

  const room = Math.max(2_000, BODY_LIMIT - fixed.length - 500);
  const tailParts: string[] = [];
  if (input.claimsReport) tailParts.push('', '### Claims report', '', cut(input.claimsReport.trim(), Math.floor(room / 2), 'Claims report'));
  if (input.changelog) tailParts.push('', '### What changed in the sources', '', cut(input.changelog.trim(), Math.floor(room / 2), 'Changelog'));
  return { body: `${fixed}\n${tailParts.join('\n')}\n`, draft, broken };
}

const readIf = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : null);

if (import.meta.main) {
  const { values } = parseArgs({ options: {
    data: { type: 'string', default: 'data' }, out: { type: 'string' },
    'scrape-log': { type: 'string' }, 'scrape-exit': { type: 'string' },
    'build-log': { type: 'string' }, 'build-exit': { type: 'string' },
    'tests-log': { type: 'string' }, 'tests-exit': { type: 'string' },
    'draft-flag': { type: 'string' },
  } });
  const exit = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  const dataDir = values.data!;
  const pkg = JSON.parse(readFileSync(join(dataDir, 'datapackage.json'), 'utf8')) as { version: string };
  const historyText = readIf(join(dataDir, 'reports', 'claims-history.json'));
  const buildLog = readIf(values['build-log']) ?? '';
  const steps: StepStatus[] = [
    { name: 'Scrape (live)', exit: exit(values['scrape-exit']), log: readIf(values['scrape-log']) ?? undefined },
    { name: 'Normalize, claims and build', exit: exit(values['build-exit']), log: buildLog || undefined },
    { name: 'Tests', exit: exit(values['tests-exit']), log: readIf(values['tests-log']) ?? undefined },
  ];
  const { body, draft, broken } = prBody({
    steps,
    history: historyText ? (JSON.parse(historyText) as ClaimsHistory) : { versions: [] },
    version: pkg.version,
    brokenFromLog: brokenClaimsInLog(buildLog),
    claimsReport: readIf(join(dataDir, 'reports', 'claims.md')),
    changelog: readIf(join(dataDir, 'reports', 'changelog.md')),
  });
  if (values.out) writeFileSync(values.out, body);
  else process.stdout.write(body);
  // The workflow reads this file to open the pull request as a draft, with a label.
  if (values['draft-flag']) writeFileSync(values['draft-flag'], draft ? 'true\n' : 'false\n');
  console.error(`refresh-pr-body: version ${pkg.version}, ${draft ? 'draft' : 'ready'}${broken.length ? `, broken: ${broken.map((b) => b.id).join(', ')}` : ''}`);
}
