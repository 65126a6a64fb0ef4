/** Which Chromium the browser tests and Lighthouse drive (tools/chromium.ts). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveChromium, SYSTEM_CHROMIUM } from '../../tools/chromium.ts';

describe('resolveChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that does not exist rather than fall back', async () => {
    await expect(resolveChromium({ CHROMIUM_PATH: process.execPath })).resolves.toEqual({ path: process.execPath, origin: 'CHROMIUM_PATH' });
    await expect(resolveChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).rejects.toThrow(/CHROMIUM_PATH=\/nowhere\/chromium does not exist/);
    await expect(resolveChromium({ CHROME_PATH: process.execPath })).resolves.toMatchObject({ origin: 'CHROME_PATH' });
  });

  it.runIf(existsSync(SYSTEM_CHROMIUM))('uses the system Chromium when there is one', async () => {
    await expect(resolveChromium({})).resolves.toEqual({ path: SYSTEM_CHROMIUM, origin: 'system' });
  });

  it('falls back to the build inside @sparticuz/chromium, unpacked to an executable file', async () => {
    const c = await resolveChromium({ CHROMIUM_PREFER_BUNDLED: '1' });
    expect(c.origin).toBe('@sparticuz/chromium');
    expect(existsSync(c.path)).toBe(true);
  });
});
