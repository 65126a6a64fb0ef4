/** /social-card.png: generated from the open-weight ranking at build time. */
import type { APIRoute } from 'astro';
import { socialCardPng } from '../lib/social-card.ts';

export const GET: APIRoute = () => new Response(Buffer.from(socialCardPng()), { headers: { 'content-type': 'image/png' } });
