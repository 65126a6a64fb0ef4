/** The hand-made fixtures of tests/fixtures/<source>/: the valid inputs every mutation starts from. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../../fixtures');

export const fixtureText = (source: string, name: string) => readFileSync(join(ROOT, source, name), 'utf8');
export const fixtureBytes = (source: string, name: string) => new Uint8Array(readFileSync(join(ROOT, source, name)));

/** Every file under a fixture folder, keyed by its path relative to that folder. */
export function fixtureTree(source: string, dir: string): Record<string, Uint8Array> {
  const base = join(ROOT, source, dir);
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(base, p)] = new Uint8Array(readFileSync(p));
    }
  };
  walk(base);
  return out;
}
