// @ts-check
/**
 * Where the site is published, from configuration rather than code: SITE_URL (origin, e.g.
 * https://owner.github.io) and BASE_PATH (e.g. /repo/) from the environment, as the deploy
 * workflow sets them; otherwise package.json's "homepage" at base path / (a local build is
 * served from the root, as the tests and `npm start` do). The repository link and the
 * citation read package.json's "repository" too, so each fact lives in one place.
 */
import { readFileSync } from 'node:fs';

/** @typedef {{ site: string; base: string; homepage: string; repository: string }} SiteConfig */

/**
 * @param {string | URL} packageJson  Bundled code (the Astro build) passes the path: import.meta.url no longer points at the repository there.
 * @returns {{ homepage: string; repository: string }}
 */
export function projectLinks(packageJson = new URL('./package.json', import.meta.url)) {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8'));
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!pkg.homepage || !repository) throw new Error('package.json needs "homepage" (the published site) and "repository" (the code) URLs');
  return { homepage: pkg.homepage, repository: String(repository).replace(/^git\+/, '').replace(/\.git$/, '') };
}

/** "repo" or "/repo" or "/repo/" → "/repo/"; empty → "/". */
export function normaliseBase(/** @type {string | undefined} */ base) {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** @returns {SiteConfig} */
export function siteConfig(env = process.env) {
  const { homepage, repository } = projectLinks();
  const url = new URL(env.SITE_URL || homepage);
  const site = url.origin;
  // A SITE_URL with a path (https://owner.github.io/repo/) implies that base path unless BASE_PATH says otherwise.
  const base = normaliseBase(env.BASE_PATH ?? (env.SITE_URL ? url.pathname : '/'));
  return { site, base, homepage: new URL(base, site).href, repository };
}
