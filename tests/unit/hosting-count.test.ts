/** providers_by_model counting (issue 10, item 4): hosts serve the weights; gateways and the lab itself do not count as hosts. */
import { describe, expect, it } from 'vitest';
import { countProviders, isHost, precisionOf, type HostingRow } from '../../normalize/steps/hosting.ts';
import type { ModelRow } from '../../normalize/steps/models.ts';

const model = { model_id: 'k', family: 'K', lab_id: 'moonshot', country_group: 'China', openness: 'open-weight' } as ModelRow;
const row = (provider: string, provider_class: HostingRow['provider_class'], first_party = false): HostingRow => ({
  source: 'models-dev', dataset: 'api', as_of: '2026-08-22', provider, provider_name: provider, source_model: 'kimi', model_id: 'k', host: provider,
  endpoint_variant: null, precision: null, first_party, provider_class, price_input_usd_per_1m: null, price_output_usd_per_1m: null,
  price_blended_usd_per_1m: null, output_tokens_per_second: null, time_to_first_token_seconds: null, context_tokens: null,
});

describe('countProviders', () => {
  it('counts hosts, gateways and third parties apart, and carries the catalogue size', () => {
    const rows = [
      row('moonshotai', 'model-lab', true), row('moonshotai-cn', 'model-lab', true),
      row('deepinfra', 'serves-weights'), row('alibaba', 'model-lab'), row('openrouter', 'gateway-or-router'), row('lmstudio', 'runs-locally'),
    ];
    const [p] = countProviders(rows, new Map([['k', model]]), new Map([['2026-08-22', 120]]));
    expect(p).toMatchObject({ providers: 5, third_party_providers: 4, hosts: 2, gateways: 1, listings: 6, catalogue_hosts: 2, catalogue_providers: 120 });
  });

  it('isHost: another lab\'s API serving the weights is a host; the lab itself and gateways are not', () => {
    expect(isHost({ provider_class: 'model-lab', first_party: false })).toBe(true);
    expect(isHost({ provider_class: 'model-lab', first_party: true })).toBe(false);
    expect(isHost({ provider_class: 'gateway-or-router', first_party: false })).toBe(false);
    expect(isHost({ provider_class: 'runs-locally', first_party: false })).toBe(false);
  });

  it('precisionOf reads a stated number format from a catalogue id, and nothing else', () => {
    expect(precisionOf('zai-org/GLM-4.6-FP8')).toBe('FP8');
    expect(precisionOf('deepseek-r1-turbo')).toBeNull();
    expect(precisionOf('kimi-k2-instruct')).toBeNull();
  });
});
