// @ts-check
import { defineConfig } from 'astro/config';

// A static site: every chart is rendered to SVG at build time, so pages read without JavaScript.
export default defineConfig({
  site: 'https://open-weight-race.example.org',
  output: 'static',
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
});
