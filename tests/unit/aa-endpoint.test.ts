import { describe, expect, it } from 'vitest';
import { splitAaEndpoint } from '../../scrapers/lib/aa-endpoint.ts';

describe('splitAaEndpoint', () => {
  it('splits the tag the provider and the model share', () => {
    expect(splitAaEndpoint('Nebius Fast', 'DeepSeek R1 0528 Fast')).toEqual({ host: 'Nebius', base_model: 'DeepSeek R1 0528', endpoint_variant: 'Fast', precision: null });
    expect(splitAaEndpoint('Deepinfra (Turbo, FP4)', "DeepSeek R1 (Jan '25) (Turbo, FP4)")).toEqual({ host: 'Deepinfra', base_model: "DeepSeek R1 (Jan '25)", endpoint_variant: 'Turbo', precision: 'FP4' });
    expect(splitAaEndpoint('Lambda (FP8)', 'Llama 3.3 70B (FP8)')).toEqual({ host: 'Lambda', base_model: 'Llama 3.3 70B', endpoint_variant: null, precision: 'FP8' });
    expect(splitAaEndpoint('Google (AI_Studio)', 'Gemma 3 27B (AI_Studio)')).toMatchObject({ host: 'Google', endpoint_variant: 'AI Studio' });
  });
  it('leaves names alone when they share no whole-word tail', () => {
    expect(splitAaEndpoint('OpenAI', 'GPT-5 (high)')).toEqual({ host: 'OpenAI', base_model: 'GPT-5 (high)', endpoint_variant: null, precision: null });
    expect(splitAaEndpoint('Groq', 'Kimi K2')).toEqual({ host: 'Groq', base_model: 'Kimi K2', endpoint_variant: null, precision: null });
    // "ai" ends both, but not as a whole word of both.
    expect(splitAaEndpoint('Together.ai', 'Model Xai')).toMatchObject({ host: 'Together.ai', endpoint_variant: null });
  });
  it('drops a tag that only repeats the host', () => {
    expect(splitAaEndpoint('Snowflake Snowflake', 'Llama 3.3 70B Snowflake')).toEqual({ host: 'Snowflake', base_model: 'Llama 3.3 70B', endpoint_variant: null, precision: null });
  });
});
