/**
 * Step 7: the memory the biggest open models need, against real hardware, dated. Sizes follow the
 * rule of normalize/steps/memory.ts (4 bits cost 4.25 with block scales; weights a checkpoint keeps
 * at 16 bits count at 16); a model "fits" when its weights leave the headroom of views.HEADROOM
 * free for the KV cache and runtime. The baseline machine is the newest of each kind, not 2022's.
 */
import { countOf, gb, int, num, params, word } from '../format.ts';
import { tables } from '../tables.ts';
import { referenceMachines, subjectModel } from '../subjects.ts';
import * as v from '../views.ts';
import { claim, input, list, type Claim } from './claim.ts';

export function memoryFacts() {
  const mem = v.memoryModels();
  const biggest = mem.reduce((a, b) => ((b.total_parameters ?? 0) > (a.total_parameters ?? 0) ? b : a));
  // The machines by rule (the smallest and largest of each kind in hardware.csv), the models by their role in the article.
  const hw = referenceMachines();
  const machines = { consumer16: hw.smallestConsumerGpu, consumer32: hw.largestConsumerGpu, desktop512: hw.largestDesktop, dc80: hw.smallestDatacentreGpu, dc141: hw.largestDatacentreGpu, server640: hw.smallestServer, server1128: hw.largestServer };
  return { mem, biggest, oss20: subjectModel('us-open-consumer-size'), oss120: subjectModel('us-open-datacentre-size'), kimi: subjectModel('video-size-example'), ...machines };
}

export function memoryClaims(): Claim[] {
  const f = memoryFacts();
  const { mem, biggest, oss20, oss120, kimi, consumer16, consumer32, desktop512, dc80, dc141, server640, server1128 } = f;
  const headroom = `${int(v.HEADROOM * 100)}%`;
  const gb4 = (m: { memory_gb_4bit: number | null }) => m.memory_gb_4bit ?? Infinity;
  const fitsConsumer = mem.filter((m) => v.fits(m.memory_gb_4bit, consumer32.memory_gb));
  const fitsDesktop = mem.filter((m) => v.fits(m.memory_gb_4bit, desktop512.memory_gb));
  const tooBigDesktop = mem.filter((m) => !v.fits(m.memory_gb_4bit, desktop512.memory_gb));
  // Near the line: within 10% of the whole memory either way, where the headroom rule decides.
  const nearDesktop = mem.filter((m) => Math.abs(gb4(m) - desktop512.memory_gb) <= 0.1 * desktop512.memory_gb);
  // The largest personal machine (consumer GPU or desktop) in hardware.csv: what "no personal machine" is measured against.
  const personal = tables.hardware().filter((h) => h.kind === 'consumer-gpu' || h.kind === 'desktop').reduce((a, b) => (b.memory_gb > a.memory_gb ? b : a));
  const tooBigPersonal = mem.filter((m) => !v.fits(m.memory_gb_4bit, personal.memory_gb));
  const tooBigGpu = mem.filter((m) => !v.fits(m.memory_gb_4bit, dc141.memory_gb));
  // Without a captured checkpoint breakdown (parameters kept at 16 bits), a 4-bit size is a lower bound
  // (methodology): the sentence says "at least", and a margin becomes "up to".
  const lower = (m: { parameters_kept_16bit: number | null }) => m.parameters_kept_16bit == null;
  const atLeast = (m: { parameters_kept_16bit: number | null }) => (lower(m) ? 'at least ' : '');
  const spare = (weights: number, memory: number) => `${num(memory - weights)} GB (${int((100 * (memory - weights)) / memory)}%)`;
  const b8 = biggest.memory_gb_8bit!;
  const b4 = biggest.memory_gb_4bit!;
  // Inputs: weights are model-card data (dated by the model's release), machines by the year they shipped.
  const w = (m: { family: string; release_date: string | null }, bits: 4 | 8, gbv: number | null | undefined) => input(`${m.family} weights at ${bits} bits, GB`, gbv ?? 0, m.release_date);
  const machine = (h: { name: string; memory_gb: number; available: string | number }) => input(`${h.name}, GB (shipping from ${h.available})`, h.memory_gb, String(h.available));
  const at4 = mem.map((m) => w(m, 4, m.memory_gb_4bit));
  const headroomIn = input('headroom left free for KV cache and runtime', `${headroom} of the machine`, null);

  return [
    claim('kimi-size',
      `Moonshot's ${kimi.family} has ${params(kimi?.total_parameters ?? 0)} parameters, ${params(kimi?.active_parameters ?? 0)} active: about ${gb((kimi?.memory_gb_8bit ?? 0) * 1e9)} at 8 bits.`,
      (kimi?.total_parameters ?? 0) >= 9e11 && (kimi?.memory_gb_8bit ?? 0) >= 900,
      'Kimi K2 has about a trillion parameters and about 1 TB of weights at 8 bits',
      { inputs: kimi ? [input(`${kimi.family} total parameters`, kimi.total_parameters ?? 0, kimi.release_date), input(`${kimi.family} active parameters`, kimi.active_parameters ?? 0, kimi.release_date), w(kimi, 8, kimi.memory_gb_8bit)] : [], falsifiedBy: 'a model card giving Kimi K2 well under a trillion parameters (under 900B)' }),
    claim('memory-biggest',
      `${biggest.family} has ${params(biggest.total_parameters!)} parameters${biggest.active_parameters ? `, ${params(biggest.active_parameters)} of them active per token` : ''}: at 8 bits its weights alone take ${gb(b8 * 1e9)}, more than the ${int(server1128.memory_gb)} GB of an eight-GPU server of ${server1128.available} (${server1128.example}), let alone the ${int(server640.memory_gb)} GB of one of ${server640.available}.`,
      b8 > server1128.memory_gb && server1128.memory_gb > server640.memory_gb,
      'the biggest charted open model exceeds the newest 8-GPU server (8×141 GB) at 8 bits',
      { inputs: [input(`${biggest.family} total parameters`, biggest.total_parameters!, biggest.release_date), w(biggest, 8, b8), machine(server1128), machine(server640)], falsifiedBy: 'a biggest charted model whose 8-bit weights fit in 1,128 GB' }),
    claim('memory-gpt-oss',
      `OpenAI's gpt-oss checkpoints keep ${params(oss120?.parameters_kept_16bit ?? 0)} and ${params(oss20?.parameters_kept_16bit ?? 0)} parameters at 16 bits and store the rest in 4-bit blocks: ${num(oss120?.memory_gb_4bit ?? 0)} GB for ${oss120.family}, which fits one ${int(dc80.memory_gb)} GB data-centre GPU with ${spare(oss120?.memory_gb_4bit ?? 0, dc80.memory_gb)} left for the KV cache and runtime, and ${num(oss20?.memory_gb_4bit ?? 0)} GB for ${oss20.family}, which fits a ${int(consumer16.memory_gb)} GB graphics card with ${spare(oss20?.memory_gb_4bit ?? 0, consumer16.memory_gb)} left.`,
      !!oss120?.parameters_kept_16bit && !!oss20?.parameters_kept_16bit && v.fits(oss120.memory_gb_4bit, dc80.memory_gb) && v.fits(oss20.memory_gb_4bit, consumer16.memory_gb),
      `both gpt-oss 16-bit counts are captured, and gpt-oss-120b fits 80 GB and gpt-oss-20b fits 16 GB at 4 bits with ${headroom} headroom`,
      { inputs: [oss120, oss20].flatMap((m) => (m ? [input(`${m.family} parameters kept at 16 bits`, m.parameters_kept_16bit ?? 0, m.release_date), w(m, 4, m.memory_gb_4bit)] : [])).concat([machine(dc80), machine(consumer16), headroomIn]), falsifiedBy: 'published checkpoint sizes that leave less than the headroom free on an 80 GB GPU (gpt-oss-120b) or a 16 GB card (gpt-oss-20b)' }),
    claim('memory-consumer',
      `A gaming graphics card holds ${int(consumer16.memory_gb)} to ${int(consumer32.memory_gb)} GB. Leaving ${headroom} of it for the KV cache and runtime, only ${list(fitsConsumer.map((m) => m.family)) || 'none'} of the models in the chart ${fitsConsumer.length === 1 ? 'fits' : 'fit'}, at 4 bits.`,
      fitsConsumer.length >= 1 && fitsConsumer.length < mem.length / 2,
      `fewer than half the charted models fit 32 GB at 4 bits with ${headroom} headroom, and at least one does`,
      { inputs: [...at4, machine(consumer16), machine(consumer32), headroomIn], falsifiedBy: 'no charted model fitting a 32 GB card at 4 bits with the headroom, or half of them fitting' }),
    claim('memory-desktop',
      `A unified-memory desktop with ${int(desktop512.memory_gb)} GB (${desktop512.example.replace(/\s*\(.*\)$/, '')}, ${desktop512.available}) holds ${word(fitsDesktop.length)} of the ${word(mem.length)} at 4 bits while leaving ${headroom} free; ${list(tooBigDesktop.map((m) => m.family)) || 'none'} ${tooBigDesktop.length === 1 ? 'does' : 'do'} not fit.${nearDesktop.length ? ` Near the line, within a tenth of ${int(desktop512.memory_gb)} GB either way: ${list(nearDesktop.map((m) => `${m.family} (${atLeast(m)}${num(gb4(m))} GB)`))}.` : ''}`,
      tooBigDesktop.length >= 1 && tooBigDesktop.every((m) => gb4(m) > v.usableGb(desktop512.memory_gb)) && fitsDesktop.length + tooBigDesktop.length === mem.length,
      `at least one charted model does not fit 512 GB at 4 bits with ${headroom} headroom; models within 10% of 512 GB are named`,
      { inputs: [...at4, machine(desktop512), headroomIn], falsifiedBy: 'every charted model fitting 512 GB at 4 bits with the headroom' }),
    claim('memory-datacentre',
      // The H200 is the common data-centre GPU of 2026, not the largest made (hardware.csv notes): say "one H200", not "even the largest".
      `One data-centre GPU held ${int(dc80.memory_gb)} GB in ${dc80.available} (${dc80.example.split(',')[0]}) and ${int(dc141.memory_gb)} GB in ${dc141.available} (${dc141.example}): ${countOf(tooBigGpu.length, mem.length)} charted models need more than one ${dc141.example.replace(/^NVIDIA\s+/, '').replace(/\s+\d+\s*GB$/, '')} at 4 bits.`,
      tooBigGpu.length > mem.length / 2,
      `most charted models exceed one 141 GB GPU at 4 bits with ${headroom} headroom`,
      { inputs: [...at4, machine(dc80), machine(dc141), headroomIn], falsifiedBy: 'half or more of the charted models fitting one 141 GB GPU at 4 bits with the headroom' }),
    claim('memory-server',
      `At 4 bits ${biggest.family} takes ${atLeast(biggest)}${num(b4)} GB: an eight-GPU server of ${server1128.available} (${int(server1128.memory_gb)} GB) holds it with ${lower(biggest) ? 'up to ' : ''}${spare(b4, server1128.memory_gb)} to spare; one of ${server640.available} (${int(server640.memory_gb)} GB) could not. These models are open, but ${list(tooBigPersonal.map((m) => m.family))} need more memory than any personal machine in the chart holds.`,
      b8 > server1128.memory_gb && v.fits(b4, server1128.memory_gb) && !v.fits(b4, server640.memory_gb) && tooBigPersonal.length >= 1 && tooBigPersonal.some((m) => m.model_id === biggest.model_id),
      `the biggest charted model exceeds 8×141 GB at 8 bits, fits it at 4 bits with ${headroom} headroom, and does not fit 8×80 GB at 4 bits; the models named as too big for any personal machine do not fit the largest consumer GPU or desktop in hardware.csv at 4 bits with the headroom`,
      { inputs: [w(biggest, 4, b4), w(biggest, 8, b8), machine(server1128), machine(server640), machine(personal), ...tooBigPersonal.map((m) => w(m, 4, m.memory_gb_4bit)), headroomIn], falsifiedBy: 'a biggest charted model that fits 1,128 GB at 8 bits, or does not fit it at 4 bits with the headroom, or fits 640 GB at 4 bits; or a personal machine that holds the biggest charted model at 4 bits' }),
    claim('fig-memory',
      `${biggest.family} needs ${int(b8)} GB at 8 bits, more than an eight-GPU server of ${server1128.available} (${int(server1128.memory_gb)} GB); ${oss20.family}, at ${num(oss20?.memory_gb_4bit ?? 0)} GB, fits a ${int(consumer16.memory_gb)} GB graphics card with ${spare(oss20?.memory_gb_4bit ?? 0, consumer16.memory_gb)} to spare.`,
      b8 > server1128.memory_gb && v.fits(oss20?.memory_gb_4bit, consumer16.memory_gb) && mem.some((m) => m.model_id === oss20.model_id),
      'the biggest charted model exceeds 8×141 GB at 8 bits, and gpt-oss-20b (a charted row) fits 16 GB with the headroom',
      { inputs: [w(biggest, 8, b8), machine(server1128), ...(oss20 ? [w(oss20, 4, oss20.memory_gb_4bit)] : []), machine(consumer16), headroomIn], falsifiedBy: 'a biggest charted model that fits 1,128 GB at 8 bits, or gpt-oss-20b off the chart or too big for 16 GB with the headroom' }),
  ];
}
