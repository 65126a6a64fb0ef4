/** /data/reference/<table>.csv: the reviewed reference tables. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../../../../normalize/schema.ts';
import { DATA_DIR } from '../../../lib/tables.ts';

export const getStaticPaths: GetStaticPaths = () =>
  TABLES.filter((t) => t.path.startsWith('reference/')).map((t) => ({ params: { table: t.path.slice('reference/'.length, -'.csv'.length) }, props: { path: t.path } }));

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync(join(DATA_DIR, props.path as string)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
