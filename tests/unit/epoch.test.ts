import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { eciCsvText, parseEpochEci, parseEpochModels } from '../../scrapers/epoch.ts';
import { ParseError } from '../../lib/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/epoch/${name}`, import.meta.url), 'utf8');

describe('parseEpochModels', () => {
  it('reads the older schema (Country (from Organization), no open-weights column)', () => {
    const { rows, skipped } = parseEpochModels(fixture('notable-old.csv'));
    expect(skipped).toBe(0);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      model: 'Alpha-7B', organization: 'Lab A', country: 'United States of America', publication_date: '2024-03-01',
      parameters: 7e9, training_compute_flop: 1.2e23, accessibility: 'Open weights (unrestricted)', open_weights: null,
      training_code_accessibility: 'Open source', frontier_model: null, link: 'https://example.org/alpha',
    });
  });

  it('keeps multi-country and multi-organisation values, and quoted text intact', () => {
    const [, beta] = parseEpochModels(fixture('notable-old.csv')).rows;
    expect(beta).toMatchObject({ model: 'Beta, the "big" one', organization: 'Lab B,Lab C', country: 'China;United States of America', organization_category: 'Industry;Academia', parameters: null, frontier_model: true, notability_criteria: 'Training cost;SOTA improvement' });
  });

  it('reads the newer schema with Open model weights?', () => {
    const { rows } = parseEpochModels(fixture('notable-new.csv'));
    expect(rows.map((r) => [r.model, r.open_weights, r.country, r.parameters])).toEqual([
      ['Gamma-1T', true, 'China', 1e12],
      ['Delta', false, 'United States of America', null],
    ]);
    expect(rows[1]!.domain).toBe('Language;Vision');
  });

  it('skips placeholder records that carry only bookkeeping fields, and counts them', () => {
    const csv = 'Model,Organization,Publication date,Model accessibility,Country (of organization),Confidence\n,,,,,Unverified\nX,Y,2024-01-01,API access,China,\n';
    const { rows, skipped } = parseEpochModels(csv);
    expect(rows.map((r) => r.model)).toEqual(['X']);
    expect(skipped).toBe(1);
  });

  it('fails loudly, naming the column, when a required column is renamed', () => {
    const csv = fixture('notable-new.csv').replace('Publication date', 'Release date');
    expect(() => parseEpochModels(csv)).toThrow(ParseError);
    expect(() => parseEpochModels(csv)).toThrow(/missing column "Publication date"/);
  });

  it('fails when no country column is found', () => {
    const csv = fixture('notable-new.csv').replace('Country (of organization)', 'Nation');
    expect(() => parseEpochModels(csv)).toThrow(/no country column/);
  });

  it('names field and row of a value that is not a number', () => {
    const csv = fixture('notable-new.csv').replace('1.0e+12', 'about a trillion');
    try {
      parseEpochModels(csv);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).field).toBe('Parameters');
      expect((err as ParseError).row).toBe(1);
    }
  });

  it('reports a truncated file as malformed CSV', () => {
    const csv = fixture('notable-old.csv');
    expect(() => parseEpochModels(csv.slice(0, csv.indexOf('"Beta') + 10))).toThrow(/malformed CSV/);
  });
});

describe('parseEpochEci', () => {
  it('reads scores, blanks as null', () => {
    const rows = parseEpochEci(fixture('eci.csv'));
    expect(rows).toEqual([
      expect.objectContaining({ model_version: 'model-a-2025-01-01', eci_score: 142.5, country: 'United States of America', release_date: '2025-01-01' }),
      expect.objectContaining({ model_version: 'model-b', eci_score: null, training_compute_flop: 2e24, display_name: 'Model B (high)' }),
    ]);
  });

  it('finds the CSV inside the live zip, in either layout', () => {
    const csv = fixture('eci.csv');
    for (const member of ['epoch_capabilities_index.csv', 'benchmark_data/epoch_capabilities_index/eci_scores.csv']) {
      const zip = zipSync({ 'README.md': strToU8('readme'), [member]: strToU8(csv) });
      expect(eciCsvText(zip)).toBe(csv);
    }
    expect(() => eciCsvText(zipSync({ 'other.csv': strToU8('a') }))).toThrow(/no ECI CSV/);
  });
});
