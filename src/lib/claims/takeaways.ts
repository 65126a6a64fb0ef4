/**
 * Figure takeaways outside the article half's own steps, checked like sentences. Each reads the
 * same views as its figure and words itself from the data (fits / does not fit), so a change of
 * what those views mean (the memory and hosting fixes of the data half) changes the words, and
 * the rule checks that the words match the numbers.
 */
import { capitalise, countOf, int, num } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, input, type Claim } from './claim.ts';

export function downloadsTakeaway(): Claim {
  const rows = v.reportedRows();
  // One panel per study: grouped by the study's id in reported_figures.csv, not by its panel title.
  const studies = [...new Set(rows.map((r) => r.figure_id))];
  const value = (id: string, g: string) => rows.find((r) => r.figure_id === id && r.country_group === g)?.value ?? 0;
  const ahead = studies.filter((id) => value(id, 'China') > value(id, 'United States'));
  return claim('fig-downloads-reported', `${capitalise(countOf(ahead.length, studies.length))} studies cited here, not this report’s own data, found Chinese open models ahead of American ones in downloads.`,
    ahead.length >= 1, 'at least one cited study puts Chinese open models ahead in downloads (the sentence gives how many)',
    { inputs: rows.map((r) => input(`${r.panel}: ${r.country_group}`, r.value, r.published)), falsifiedBy: 'no cited study with Chinese open models ahead' });
}
