/**
 * Named sanity checks on the built tables, run by normalize after every table is assembled.
 * Each failure message says what looks wrong and the likely cause, so a refresh that went
 * astray stops here instead of reaching a chart.
 */
import type { ModelRow } from './steps/models.ts';
import type { ScoreRow } from './steps/scores.ts';

export interface CheckResult { name: string; failures: string[] }

type Check = { name: string; run: (t: { models: ModelRow[]; scores: ScoreRow[] }) => string[] };

const CHECKS: Check[] = [
  {
    name: 'aa-index-in-range',
    run: ({ scores }) => scores.filter((s) => s.metric.startsWith('aa_') && (s.value < 0 || s.value > 100))
      .map((s) => `${s.source_model} (${s.as_of}): ${s.metric} = ${s.value} — Intelligence Index outside 0–100: did Artificial Analysis change its scale?`),
  },
  {
    name: 'lmarena-rating-plausible',
    run: ({ scores }) => scores.filter((s) => s.metric.startsWith('lmarena_') && (s.value < 500 || s.value > 2500))
      .map((s) => `${s.source_model} (${s.dataset} ${s.as_of}): rating ${s.value} — outside 500–2500: did LMArena change its rating scale, or did a column shift?`),
  },
  {
    name: 'ci-brackets-rating',
    run: ({ scores }) => scores.filter((s) => s.ci_lower !== null && s.ci_upper !== null && !(s.ci_lower <= s.value && s.value <= s.ci_upper))
      .map((s) => `${s.source_model} (${s.dataset} ${s.as_of}): interval [${s.ci_lower}, ${s.ci_upper}] does not contain ${s.value} — were "+x/-y" bounds read as absolute values?`),
  },
  {
    name: 'active-not-above-total',
    run: ({ models }) => models.filter((m) => m.total_parameters !== null && m.active_parameters !== null && m.active_parameters > m.total_parameters)
      .map((m) => `${m.model_id}: ${m.active_parameters} active > ${m.total_parameters} total parameters — were the two columns swapped?`),
  },
  {
    name: 'parameters-plausible',
    run: ({ models }) => models.filter((m) => m.total_parameters !== null && (m.total_parameters < 1e7 || m.total_parameters > 1e14))
      .map((m) => `${m.model_id}: ${m.total_parameters} parameters — outside 10 million to 100 trillion: billions read as counts, or counts as billions?`),
  },
  {
    name: 'open-models-have-a-licence-class',
    run: ({ models }) => models.filter((m) => m.openness !== 'closed' && m.licence_name_in_source && !m.licence_id)
      .map((m) => `${m.model_id}: licence "${m.licence_name_in_source}" has no entry — add it to data/reference/licence_aliases.csv`),
  },
  {
    name: 'every-model-has-a-lab',
    run: ({ models }) => models.filter((m) => !m.lab_id).map((m) => `${m.model_id}: no lab for creator "${m.lab_name}" — add it to data/reference/labs.csv or lab_aliases.csv`),
  },
];

export function runChecks(tables: { models: ModelRow[]; scores: ScoreRow[] }): CheckResult[] {
  return CHECKS.map((c) => ({ name: c.name, failures: c.run(tables) }));
}

export function assertChecks(results: CheckResult[]): void {
  const failed = results.filter((r) => r.failures.length);
  if (!failed.length) return;
  throw new Error(`sanity checks failed:\n${failed.map((r) => `  [${r.name}] ${r.failures.length} problem(s), e.g.\n    ${r.failures.slice(0, 5).join('\n    ')}`).join('\n')}`);
}
