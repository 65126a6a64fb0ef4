/**
 * Which Chromium the browser tests and the Lighthouse benchmark drive. In order:
 * CHROMIUM_PATH (or CHROME_PATH, Lighthouse's own variable), Debian's /usr/bin/chromium, and
 * otherwise the build shipped inside the npm package @sparticuz/chromium, so `npm test` passes
 * on a machine where nothing was installed by hand. CHROMIUM_PREFER_BUNDLED=1 skips the system
 * browser (to test the fallback without uninstalling it).
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  path: string;
  /** Where the path came from, for logs and error messages. */
  origin: 'CHROMIUM_PATH' | 'CHROME_PATH' | 'system' | '@sparticuz/chromium';
}

export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  for (const name of ['CHROMIUM_PATH', 'CHROME_PATH'] as const) {
    const p = env[name];
    if (!p) continue;
    // An explicit path that does not exist is a configuration mistake: say so rather than fall back silently.
    if (!existsSync(p)) throw new Error(`${name}=${p} does not exist: point it at a Chromium binary, or unset it to use ${SYSTEM_CHROMIUM} or @sparticuz/chromium`);
    return { path: p, origin: name };
  }
  if (env.CHROMIUM_PREFER_BUNDLED !== '1' && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, origin: 'system' };
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    // executablePath() unpacks the Brotli-compressed binary into the temp folder once and returns its path.
    return { path: await bundled.executablePath(), origin: '@sparticuz/chromium' };
  } catch (err) {
    throw new Error(
      `No Chromium: ${SYSTEM_CHROMIUM} is ${env.CHROMIUM_PREFER_BUNDLED === '1' ? 'skipped (CHROMIUM_PREFER_BUNDLED=1)' : 'missing'} and the bundled ` +
        `@sparticuz/chromium could not be unpacked (${(err as Error).message}). Run npm ci, install Debian's chromium, or set CHROMIUM_PATH.`,
    );
  }
}
