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
  const panels = [...new Set(rows.map((r) => r.panel))];
  const value = (p: string, g: string) => rows.find((r) => r.panel === p && r.country_group === g)?.value ?? 0;
  const ahead = panels.filter((p) => value(p, 'China') > value(p, 'United States'));
  return claim('fig-downloads-reported', `${capitalise(countOf(ahead.length, panels.length))} studies cited here, not this report’s own data, found Chinese open models ahead of American ones in downloads.`,
    ahead.length >= 1, 'at least one cited study puts Chinese open models ahead in downloads (the sentence gives how many)',
    { inputs: rows.map((r) => input(`${r.panel}: ${r.country_group}`, r.value, r.published)), falsifiedBy: 'no cited study with Chinese open models ahead' });
}
