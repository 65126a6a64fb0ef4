/** Every source the report scrapes, by id. A new scraper module is added here. */
import { artificialAnalysis } from './artificialanalysis.ts';
import { epoch } from './epoch.ts';
import { lmarena } from './lmarena.ts';
import { hfApi } from './hf-api.ts';
import { k2VendorVerifier } from './k2-vendor-verifier.ts';
import { modelCards } from './model-cards.ts';
import { modelsDev } from './models-dev.ts';
import { openrouter } from './openrouter.ts';
import type { SourceDef } from './lib/source.ts';

export const SOURCES: SourceDef[] = [epoch, artificialAnalysis, lmarena, k2VendorVerifier, modelCards, modelsDev, openrouter, hfApi];
