/**
 * The sources the published tables derive from, with the terms each one's data comes under and
 * the credit line it asks for. One registry so that datapackage.json (per-resource `sources`
 * and `licenses`), the figure CSVs' descriptions and the data page's licence table say the
 * same thing. The terms are those recorded in the provenance sidecars of data/sources/.
 */

export interface LicenceRef {
  /** SPDX / Open Definition id, only where the terms are such a licence. */
  name?: string;
  title: string;
  path: string;
  /** An open licence (reuse allowed with attribution or less), as opposed to a service's terms. */
  open: boolean;
}

export interface SourceSpec {
  id: string;
  /** Short name for tables in prose. */
  short: string;
  title: string;
  path: string;
  licence: LicenceRef;
  /** The credit to give when reusing rows derived from this source. */
  attribution: string;
  /** What a forker must keep in mind, in words (for the data page). */
  terms: string;
  /** Hostnames (or a path prefix for this site) whose figure sources map to this source. */
  hosts: string[];
}

export const CC_BY: LicenceRef = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/', open: true };

const src = (s: SourceSpec): SourceSpec => s;

export const SOURCES = {
  aa: src({
    id: 'artificialanalysis', short: 'Artificial Analysis', title: 'Artificial Analysis, artificialanalysis.ai (attribution required)', path: 'https://artificialanalysis.ai',
    licence: { title: 'Artificial Analysis terms of use: reuse with attribution ("Source: Artificial Analysis, artificialanalysis.ai"); not an open licence', path: 'https://artificialanalysis.ai', open: false },
    attribution: 'Source: Artificial Analysis, artificialanalysis.ai',
    terms: 'Artificial Analysis’s own terms, not CC BY: they ask for the credit line; check their terms before republishing the values in bulk.',
    hosts: ['artificialanalysis.ai'],
  }),
  epoch: src({
    id: 'epoch', short: 'Epoch AI', title: "Epoch AI, 'Data on AI Models' and 'AI Benchmarking Hub' (CC BY 4.0)", path: 'https://epoch.ai/data',
    licence: { ...CC_BY, title: 'Creative Commons Attribution 4.0 (Epoch AI)' },
    attribution: "Epoch AI, 'Data on AI Models' and 'AI Benchmarking Hub', epoch.ai",
    terms: 'CC BY 4.0: reuse freely, crediting Epoch AI.',
    hosts: ['epoch.ai'],
  }),
  lmarena: src({
    id: 'lmarena', short: 'LMArena', title: 'LMArena (lmarena.ai) leaderboards and their public copies', path: 'https://lmarena.ai/leaderboard',
    licence: { title: 'LMArena leaderboard data: no licence stated for the copies used (LMArena’s own leaderboard dataset on Hugging Face is CC BY 4.0)', path: 'https://lmarena.ai', open: false },
    attribution: "LMArena, Text Arena leaderboard (lmarena.ai); Chiang et al., 'Chatbot Arena', ICML 2024",
    terms: 'No licence stated for the copies we read: credit LMArena and treat the ratings as their published data.',
    hosts: ['lmarena.ai'],
  }),
  modelsDev: src({
    id: 'models-dev', short: 'models.dev', title: 'models.dev catalogue (MIT)', path: 'https://models.dev',
    licence: { name: 'MIT', title: 'MIT License (models.dev)', path: 'https://opensource.org/license/mit', open: true },
    attribution: 'models.dev, an open-source database of AI models',
    terms: 'MIT: reuse freely, keeping the copyright notice.',
    hosts: ['models.dev'],
  }),
  openrouter: src({
    id: 'openrouter', short: 'OpenRouter', title: 'OpenRouter models API', path: 'https://openrouter.ai/api/v1/models',
    licence: { title: 'OpenRouter Terms of Service (API output; no open licence)', path: 'https://openrouter.ai', open: false },
    attribution: 'OpenRouter, models API',
    terms: 'OpenRouter’s terms of service, not an open licence: rows that come from it are facts about listings, credit OpenRouter.',
    hosts: ['openrouter.ai'],
  }),
  k2vv: src({
    id: 'k2-vendor-verifier', short: 'Moonshot AI vendor verifier', title: 'Moonshot AI, K2 Vendor Verifier / Kimi Vendor Verifier (GitHub)', path: 'https://github.com/MoonshotAI/K2-Vendor-Verifier',
    licence: { title: 'K2-Vendor-Verifier: no licence stated; Kimi-Vendor-Verifier: MIT', path: 'https://github.com/MoonshotAI/K2-Vendor-Verifier', open: false },
    attribution: 'Moonshot AI, K2 Vendor Verifier and Kimi Vendor Verifier (github.com/MoonshotAI)',
    terms: 'The K2 results carry no licence (the K3 repository is MIT): credit Moonshot AI.',
    hosts: ['github.com'],
  }),
  modelCards: src({
    id: 'model-cards', short: 'Model repositories (cards, configs)', title: 'Model cards, config.json and LICENSE files of each model repository (Hugging Face, GitHub)', path: 'https://huggingface.co',
    licence: { title: 'Each repository under its own licence; only facts (parameters, released parts) are extracted, no text is republished', path: 'https://huggingface.co', open: false },
    attribution: 'Model cards and configuration files of each model repository',
    terms: 'Facts read from each model’s repository (parameter counts, what was released); no text is republished.',
    hosts: ['huggingface.co'],
  }),
  ref: src({
    id: 'reference', short: 'This project’s reference files', title: 'This project: reviewed reference files in data/reference/', path: 'data/reference/',
    licence: { ...CC_BY, title: 'Creative Commons Attribution 4.0 (this project)' },
    attribution: 'Is China winning the open-weight AI race? (this report)',
    terms: 'Ours: CC BY 4.0.',
    hosts: ['/data/'],
  }),
  reported: src({
    id: 'reported', short: 'Published studies (ATOM Report; MIT and Hugging Face)', title: 'ATOM Report (arXiv 2604.07190); MIT and Hugging Face study (November 2025)', path: 'https://arxiv.org/abs/2604.07190',
    licence: { title: 'Figures as published by their authors, cited with attribution (not this project’s data)', path: 'https://arxiv.org/abs/2604.07190', open: false },
    attribution: 'ATOM Report (arXiv 2604.07190); MIT and Hugging Face study (November 2025)',
    terms: 'Published figures we cite, not ours: credit the publications.',
    hosts: ['arxiv.org'],
  }),
} as const satisfies Record<string, SourceSpec>;

/** This project's own licence for what it adds (the compilation, matching, classification, derived values). */
export const PROJECT_LICENCE: LicenceRef = { ...CC_BY, title: 'Creative Commons Attribution 4.0, for this project’s compilation and derived values; the terms of each source below apply as well' };

/** The licences a resource derived from these sources comes under: this project's, then each source's (deduplicated). */
export function licencesOf(sources: readonly SourceSpec[]): LicenceRef[] {
  const out = [PROJECT_LICENCE];
  for (const s of sources) {
    if (s.id === 'reference') continue; // the project's own files: PROJECT_LICENCE already covers them
    // The same licence twice (Epoch's CC BY and ours) is listed once; the source list carries the credit.
    if (!out.some((l) => (l.name && l.name === s.licence.name) || l.title === s.licence.title)) out.push(s.licence);
  }
  return out;
}

/** Frictionless licence object: name only where it is a real licence id. */
export const licenceJson = (l: LicenceRef) => ({ ...(l.name ? { name: l.name } : {}), title: l.title, path: l.path });
export const sourceJson = (s: SourceSpec) => ({ title: s.title, path: s.path });

/** The source of a figure's source line, by its URL's host (or this site's /data/ path). */
export function sourceOfUrl(url: string): SourceSpec | undefined {
  const host = url.startsWith('/') ? url : new URL(url).hostname.replace(/^www\./, '');
  return Object.values(SOURCES).find((s) => s.hosts.some((h) => (h.startsWith('/') ? host.startsWith(h) : host === h || host.endsWith(`.${h}`))));
}
