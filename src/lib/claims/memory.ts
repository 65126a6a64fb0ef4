/** Step 7: the memory the biggest open models need, against real hardware. */
import { countOf, gb, int, params, word } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, list, type Claim } from './claim.ts';

export function memoryClaims(): Claim[] {
  const mem = v.memoryModels();
  const biggest = mem.reduce((a, b) => ((b.total_parameters ?? 0) > (a.total_parameters ?? 0) ? b : a));
  const hardware = (id: string) => tables.hardware().find((h) => h.hardware_id === id)!;
  const server = hardware('server-8x80');
  const dc = hardware('dc-80');
  const consumer16 = hardware('consumer-16');
  const consumer32 = hardware('consumer-32');
  const desktop512 = hardware('desktop-512');
  const model = (id: string) => tables.models().find((m) => m.model_id === id);
  const oss20 = model('gpt-oss-20b');
  const oss120 = model('gpt-oss-120b');
  const kimi = model('kimi-k2');
  const fitsConsumer = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) <= consumer32.memory_gb);
  const fitsDesktop = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) <= desktop512.memory_gb);
  const tooBigDesktop = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) > desktop512.memory_gb);
  const tooBigGpu = mem.filter((m) => (m.memory_gb_4bit ?? Infinity) > dc.memory_gb);

  return [
    claim('kimi-size', `Moonshot's Kimi K2 has ${params(kimi?.total_parameters ?? 0)} parameters, ${params(kimi?.active_parameters ?? 0)} active: about ${gb((kimi?.memory_gb_8bit ?? 0) * 1e9)} at 8 bits.`, (kimi?.total_parameters ?? 0) >= 9e11 && (kimi?.memory_gb_8bit ?? 0) >= 900, 'Kimi K2 has about a trillion parameters'),
    claim('memory-biggest', `${biggest.family} has ${params(biggest.total_parameters!)} parameters${biggest.active_parameters ? `, ${params(biggest.active_parameters)} of them active per token` : ''}: at 8 bits its weights alone take ${gb(biggest.memory_gb_8bit! * 1e9)}, more than an 8-GPU server's ${int(server.memory_gb)} GB.`, biggest.memory_gb_8bit! > server.memory_gb, 'the biggest open model exceeds an 8×80 GB server at 8 bits'),
    claim('memory-gpt-oss', `OpenAI's gpt-oss-120b (${params(oss120?.total_parameters ?? 0)}) fits one ${int(dc.memory_gb)} GB data-centre GPU at 4 bits (${gb((oss120?.memory_gb_4bit ?? 0) * 1e9)}), and gpt-oss-20b (${params(oss20?.total_parameters ?? 0)}) a ${int(consumer16.memory_gb)} GB graphics card (${gb((oss20?.memory_gb_4bit ?? 0) * 1e9)}).`, !!oss120?.memory_gb_4bit && oss120.memory_gb_4bit <= dc.memory_gb && !!oss20?.memory_gb_4bit && oss20.memory_gb_4bit <= consumer16.memory_gb, 'gpt-oss-120b fits 80 GB and gpt-oss-20b fits 16 GB at 4 bits'),
    claim('memory-consumer', `A gaming graphics card holds ${int(consumer16.memory_gb)} to ${int(consumer32.memory_gb)} GB. Of the models in the chart, only ${list(fitsConsumer.map((m) => m.family)) || 'none'} ${fitsConsumer.length === 1 ? 'fits' : 'fit'}, at 4 bits.`, fitsConsumer.length >= 1 && fitsConsumer.length < mem.length / 2, 'fewer than half the charted models fit a 32 GB card at 4 bits, and at least one does'),
    claim('memory-desktop', `A unified-memory desktop with ${int(desktop512.memory_gb)} GB reaches ${word(fitsDesktop.length)} of the ${word(mem.length)} at 4 bits; ${list(tooBigDesktop.map((m) => m.family)) || 'none'} still ${tooBigDesktop.length === 1 ? 'does' : 'do'} not fit.`, tooBigDesktop.length >= 1, 'at least one charted model does not fit 512 GB at 4 bits'),
    claim('memory-datacentre', `One data-centre GPU holds ${int(dc.memory_gb)} GB: ${countOf(tooBigGpu.length, mem.length)} charted models need more than that even at 4 bits.`, tooBigGpu.length > mem.length / 2, 'most charted models exceed one 80 GB GPU at 4 bits'),
    claim('memory-server', `${biggest.family} needs more than an eight-GPU server's ${int(server.memory_gb)} GB ${biggest.memory_gb_4bit! > server.memory_gb ? 'even at 4 bits' : 'at 8 bits'}.`, biggest.memory_gb_8bit! > server.memory_gb, 'the biggest charted model exceeds an 8×80 GB server at 8 bits'),
  ];
}
