// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './site.config.mjs';

// Site URL and base path come from configuration (SITE_URL, BASE_PATH; see site.config.mjs).
const { site, base } = siteConfig();

// A static site: every chart is rendered to SVG at build time, so pages read without JavaScript.
export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
});
