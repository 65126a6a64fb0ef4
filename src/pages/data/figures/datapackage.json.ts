/** /data/figures/datapackage.json: every figure CSV described as a resource (src/lib/figure-package.ts). */
import type { APIRoute } from 'astro';
import { buildClaims } from '../../../lib/claims.ts';
import { figurePackage } from '../../../lib/figure-package.ts';
import { allFigures } from '../../../lib/figures.ts';
import { releaseInfo } from '../../../lib/release-info.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(figurePackage(allFigures(), buildClaims(), releaseInfo()), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
