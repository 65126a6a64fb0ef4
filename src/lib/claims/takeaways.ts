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

export function memoryTakeaway(): Claim {
  const models = v.memoryModels();
  const asOf = v.latestAsOf('artificialanalysis', 'models');
  const biggest = models.reduce((a, b) => ((b.total_parameters ?? 0) > (a.total_parameters ?? 0) ? b : a));
  const server = tables.hardware().filter((h) => h.kind === 'server').reduce((a, b) => (b.memory_gb > a.memory_gb ? b : a));
  const card = tables.hardware().filter((h) => h.kind === 'consumer-gpu').reduce((a, b) => (b.memory_gb < a.memory_gb ? b : a));
  const oss20 = models.find((m) => m.model_id === 'gpt-oss-20b');
  const oss20Fits = !!oss20?.memory_gb_4bit && oss20.memory_gb_4bit <= card.memory_gb;
  const biggestOver = biggest.memory_gb_8bit! > server.memory_gb;
  return claim('fig-memory', `${biggest.family} needs ${int(biggest.memory_gb_8bit!)} GB at 8 bits, ${biggestOver ? 'more' : 'less'} than the ${int(server.memory_gb)} GB of the largest server in the chart${oss20 ? `; gpt-oss-20b ${oss20Fits ? 'fits' : 'does not fit'} a ${int(card.memory_gb)} GB graphics card at 4 bits (${num(oss20.memory_gb_4bit ?? 0)} GB)` : ''}.`,
    biggestOver && oss20Fits && models.includes(biggest) && !!oss20, 'the biggest charted model exceeds the largest server line at 8 bits, and gpt-oss-20b, which the chart draws, fits the smallest consumer card at 4 bits',
    { inputs: [input(`${biggest.family} at 8 bits, GB`, biggest.memory_gb_8bit!, asOf), input(`${server.name}, GB`, server.memory_gb, null), input('gpt-oss-20b at 4 bits, GB', oss20?.memory_gb_4bit ?? 0, asOf), input(`${card.name}, GB`, card.memory_gb, null)],
      falsifiedBy: 'a server line that holds the biggest model at 8 bits, or gpt-oss-20b (weights and any margin the memory view adds) above the smallest card' });
}

export function downloadsTakeaway(): Claim {
  const rows = v.reportedRows();
  const panels = [...new Set(rows.map((r) => r.panel))];
  const value = (p: string, g: string) => rows.find((r) => r.panel === p && r.country_group === g)?.value ?? 0;
  const ahead = panels.filter((p) => value(p, 'China') > value(p, 'United States'));
  return claim('fig-downloads-reported', `${capitalise(countOf(ahead.length, panels.length))} studies cited here, not this report’s own data, found Chinese open models ahead of American ones in downloads.`,
    ahead.length >= 1, 'at least one cited study puts Chinese open models ahead in downloads (the sentence gives how many)',
    { inputs: rows.map((r) => input(`${r.panel}: ${r.country_group}`, r.value, r.published)), falsifiedBy: 'no cited study with Chinese open models ahead' });
}
