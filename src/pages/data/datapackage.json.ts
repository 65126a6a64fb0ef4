/** /data/datapackage.json: the Frictionless Data Package describing every published CSV. */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../lib/tables.ts';

export const GET: APIRoute = () => new Response(readFileSync(join(DATA_DIR, 'datapackage.json')), { headers: { 'content-type': 'application/json' } });
