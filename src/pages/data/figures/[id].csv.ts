/** /data/figures/<id>.csv: exactly the rows a figure plots. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../../lib/csv.ts';
import { allFigures, figure } from '../../../lib/figures.ts';

export const getStaticPaths: GetStaticPaths = () => allFigures().map((f) => ({ params: { id: f.id } }));

export const GET: APIRoute = ({ params }) => {
  const f = figure(params.id!);
  return new Response(toCsv(f.rows, f.columns), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
