/**
 * The data version and dates the site shows, read from data/datapackage.json (written by
 * normalize), and the build date (when astro build ran). Links come from site.config.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectLinks } from '../../site.config.mjs';
import { DATA_DIR } from './tables.ts';
import type { ClaimsHistory } from './claims-history.ts';

export interface ReleaseInfo { version: string; created: string; buildDate: string; repository: string; homepage: string }

let info: ReleaseInfo | undefined;

export function releaseInfo(): ReleaseInfo {
  if (info) return info;
  const pkg = JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as { version?: string; created?: string };
  if (!pkg.version || !pkg.created) throw new Error(`${join(DATA_DIR, 'datapackage.json')} has no version/created: re-run npm run normalize`);
  const links = projectLinks(join(process.cwd(), 'package.json'));
  // In the Astro build, the configured site (SITE_URL / BASE_PATH) is the homepage; elsewhere package.json's.
  const env = (import.meta as { env?: { SITE?: string; BASE_URL?: string } }).env;
  const homepage = env?.SITE ? new URL(env.BASE_URL ?? '/', env.SITE).href : links.homepage;
  const repository = links.repository;
  info = { version: pkg.version, created: pkg.created.slice(0, 10), buildDate: new Date().toISOString().slice(0, 10), repository, homepage };
  return info;
}

export const CLAIMS_HISTORY = () => join(DATA_DIR, 'reports', 'claims-history.json');

export function readClaimsHistory(path = CLAIMS_HISTORY()): ClaimsHistory {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ClaimsHistory) : { versions: [] };
}
