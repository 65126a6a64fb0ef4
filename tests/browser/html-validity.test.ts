/**
 * 7. The built pages are valid HTML according to the Nu Html Checker (vnu.jar from the
 * vnu-jar package, run with the machine's Java).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, PAGES } from './helpers/browser.ts';

const VNU = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const files = PAGES.map((p) => join(DIST, p, 'index.html'));

interface VnuMessage { type: string; subType?: string; url?: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }

function runVnu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    execFile('java', ['-jar', VNU, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        fail(new Error(`could not run java (${error.message}): install a Java runtime (Debian: apt-get install -y default-jre-headless)`));
        return;
      }
      ok({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

describe('Nu Html Checker', () => {
  test('vnu.jar is installed', () => {
    expect(existsSync(VNU), VNU).toBe(true);
    for (const f of files) expect(existsSync(f), f).toBe(true);
  });

  test('no errors in /, /methodology/ and /data/', async () => {
    const { stdout, stderr } = await runVnu(['--errors-only', '--format', 'json', ...files]);
    // vnu writes its JSON report to stderr.
    const report = JSON.parse(stderr || stdout || '{"messages":[]}') as { messages: VnuMessage[] };
    const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
    const listing = errors.map((m) => `${(m.url ?? '').replace(/^file:/, '').replace(DIST, 'dist')}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
    expect(listing, `${errors.length} HTML error(s):\n${listing.join('\n')}`).toEqual([]);
  }, 180_000);
});
