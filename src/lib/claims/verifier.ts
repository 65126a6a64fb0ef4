/** Step 5: Moonshot's vendor verifier, its rounds and metric eras. */
import { aOrAn, fmtDate, fmtMonth, num, word } from '../format.ts';
import { tables } from '../tables.ts';
import * as v from '../views.ts';
import { claim, list, type Claim } from './claim.ts';

export function verifierClaims(): Claim[] {
  const k2 = v.verifierK2();
  const k3 = v.verifierK3();
  const { reference: deepRef, lowest: deepLo, highest: deepHi } = k3.deepswe;
  const eras = new Set(tables.verifier().filter((r) => r.dataset !== 'unmerged-third-party').map((r) => (r.metric.startsWith('tool_call_similarity') ? 'similarity' : r.metric.startsWith('tool_call_f1') || r.metric.startsWith('schema') ? 'f1' : r.metric.includes('successful') || r.metric.includes('validation') ? 'counts' : 'tasks')));
  const releaseDates = k2.releases.map((r) => r.split('|')[1]!);

  return [
    claim('verifier-below', `In Moonshot's test of ${fmtDate(k2.asOf)}, ${word(k2.below.length)} of ${k2.vendors.length} vendor listings for its Kimi K2 models fell below its tool-calling threshold: ${list(k2.below.map((b) => `${b.vendor} (${b.model}, F1 ${num(b.value!)}% against ${aOrAn(num(b.threshold!))} ${num(b.threshold!)}% bar)`))}.`, k2.below.length >= 1, 'at least one vendor is below the threshold in the latest K2 table'),
    claim('verifier-eras', `The verifier itself kept changing: ${word(releaseDates.length)} published rounds between ${fmtMonth(releaseDates[0]!)} and ${fmtMonth(releaseDates.at(-1)!)}, scoring first how similar a vendor's tool calls were to the official API's, then their accuracy and schema validity, and, for Kimi K3, scores on real tasks.`, eras.has('similarity') && eras.has('f1') && eras.has('tasks'), 'the data holds all three metric eras'),
    claim('verifier-k3', `For Kimi K3 (${fmtDate(k3.asOf)}), vendors scored from ${num(deepLo.value!)}% (${deepLo.vendor}) to ${num(deepHi.value!)}% (${deepHi.vendor}) on the DeepSWE coding benchmark, against ${num(deepRef?.value ?? 0)}% on Moonshot's own API.`, !!deepRef && deepHi.value! - deepLo.value! >= 2, 'vendors differ by at least 2 points on DeepSWE'),
  ];
}
