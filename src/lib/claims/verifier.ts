/**
 * Step 5: Moonshot's vendor verifier, its rounds and metric eras. Listings are counted once per
 * (model, vendor, route); Moonshot's official reference is the yardstick, not a tested listing,
 * and its Turbo API and the vLLM/SGLang engine references are not third-party vendors.
 */
import { aOrAn, capitalise, fmtDate, fmtMonth, num, word } from '../format.ts';
import { tables } from '../tables.ts';
import { vendorLabel } from '../labels.ts';
import * as v from '../views.ts';
import { claim, input, list, type Claim } from './claim.ts';

export function verifierClaims(): Claim[] {
  const k2 = v.verifierK2();
  const k3 = v.verifierK3();
  const { reference: deepRef, lowest: deepLo, highest: deepHi, vendors: deepVendors, engines: deepEngines } = k3.deepswe;
  // The K3 chart also draws the inference engines' reference deployments (not vendors): the range of "vendors"
  // must say so when an engine sits outside it, or a reader sees a bar above "the highest".
  const enginesOutside = deepEngines.filter((e) => e.value! > deepHi.value! || e.value! < deepLo.value!);
  const enginesPhrase = enginesOutside.length ? `; ${list(enginesOutside.map((e) => `${e.vendor}, an inference engine's reference deployment rather than a vendor, scored ${num(e.value!)}%`))}` : '';
  const eras = new Set(v.verifierEraStarts().keys());
  const releaseDates = k2.releases.map((r) => r.split('|')[1]!);
  const belowThird = k2.below.filter((b) => b.vendor_kind === 'third-party');
  const viaRouter = k2.below.filter((b) => b.route === 'via OpenRouter');
  // A below-threshold vendor can have perfect schema accuracy: the two metrics disagree, which is why they get separate panels.
  const schemaOf = (b: (typeof k2.below)[number]) => k2.points.find((p) => p.metric === 'schema_accuracy_pct' && p.model === b.model && p.vendor === b.vendor && p.route === b.route)?.value ?? null;
  const perfectButBelow = k2.below.filter((b) => schemaOf(b) === 100);
  const thresholds = [...new Set(k2.below.map((b) => b.threshold!))].sort((a, b) => a - b);
  const aboveRef = deepRef ? deepVendors.filter((r) => r.value! > deepRef.value!) : [];
  const k2Counts = [input('listings in the table (incl. the official reference)', k2.listings.length, k2.asOf), input('listings tested', k2.tested.length, k2.asOf), input('third-party listings', k2.thirdParty.length, k2.asOf), input('third-party listings below the threshold', belowThird.length, k2.asOf)];
  const belowInputs = k2.below.map((b) => input(`${vendorLabel(b)}, ${b.model}: F1 % (bar ${b.threshold}%)`, b.value!, k2.asOf));
  const k3Inputs = [...(deepRef ? [input("Moonshot's own API, DeepSWE %", deepRef.value!, k3.asOf)] : []), ...deepVendors.map((r) => input(`${r.vendor}, DeepSWE %`, r.value!, k3.asOf)), ...deepEngines.map((r) => input(`${r.vendor} (engine reference), DeepSWE %`, r.value!, k3.asOf))];

  return [
    claim('verifier-below',
      `In Moonshot's test of ${fmtDate(k2.asOf)}, ${word(belowThird.length)} of the ${word(k2.thirdParty.length)} third-party vendor listings for its Kimi K2 models fell below its tool-calling threshold (${word(k2.tested.length)} listings were tested in all, counting Moonshot's own Turbo API and the vLLM and SGLang engines): ${list(k2.below.map((b) => `${b.vendor} (${b.model}, F1 ${num(b.value!)}% against ${aOrAn(num(b.threshold!))} ${num(b.threshold!)}% bar${b.route === 'via OpenRouter' ? ', tested through OpenRouter' : ''})`))}.`,
      belowThird.length >= 1 && belowThird.length === k2.below.length && k2.thirdParty.length < k2.tested.length && k2.tested.length < k2.listings.length,
      'at least one third-party vendor listing is below the threshold in the latest K2 table, every below-threshold listing is third-party, and the counts leave out the reference (tested) and Moonshot\'s own endpoints and engines (third-party)',
      { inputs: [...k2Counts, ...belowInputs], falsifiedBy: 'a newer K2 table with no third-party listing below its threshold, a below-threshold listing that is Moonshot\'s own or an engine reference, or counts that include the official reference' }),
    claim('verifier-metrics-differ',
      `Tool-call F1 and schema accuracy are different tests: ${list(perfectButBelow.map((b) => b.vendor))} scored 100% on schema accuracy yet fell below the F1 bar, and vendors above the bar have no published F1 at all, only a pass. The bar itself differs by model (${list(thresholds.map((t) => `${num(t)}%`))}).${viaRouter.length ? ` ${capitalise(word(viaRouter.length))} of the ${word(k2.below.length)} were tested through OpenRouter rather than on the vendor's own API.` : ''}`,
      perfectButBelow.length >= 1 && k2.passed.length >= 1 && thresholds.length >= 2,
      'at least one below-threshold listing has 100% schema accuracy, at least one passing listing has no published F1, and the F1 bar differs between models',
      { inputs: [...perfectButBelow.map((b) => input(`${b.vendor}, ${b.model}: schema accuracy %`, schemaOf(b)!, k2.asOf)), input('passing listings with no published F1', k2.passed.length, k2.asOf), ...thresholds.map((t) => input('F1 bar %', t, k2.asOf)), input('below-threshold listings tested through OpenRouter', viaRouter.length, k2.asOf)],
        falsifiedBy: 'a K2 table in which every below-threshold listing also fails on schema accuracy, F1 is published for passing vendors, or one F1 bar for every model' }),
    claim('verifier-eras',
      `The verifier itself kept changing: ${word(releaseDates.length)} published rounds between ${fmtMonth(releaseDates[0]!)} and ${fmtMonth(releaseDates.at(-1)!)}, scoring first how similar a vendor's tool calls were to the official API's, then their accuracy and schema validity, and, for Kimi K3, scores on real tasks.`,
      eras.has('similarity') && eras.has('f1') && eras.has('tasks'),
      'the data holds all three metric eras',
      { inputs: [input('published rounds', releaseDates.length, releaseDates.at(-1)!), input('first round', releaseDates[0]!, releaseDates[0]!), input('latest round', releaseDates.at(-1)!, releaseDates.at(-1)!), input('metric eras in the data', [...eras].sort().join(', '), releaseDates.at(-1)!)],
        falsifiedBy: 'vendor_verifier.csv missing the similarity, the F1/schema or the task-score rounds' }),
    claim('verifier-k3',
      `For Kimi K3 (${fmtDate(k3.asOf)}), the ${word(deepVendors.length)} vendors scored from ${num(deepLo.value!)}% (${deepLo.vendor}) to ${num(deepHi.value!)}% (${deepHi.vendor}) on the DeepSWE coding benchmark, around the ${num(deepRef?.value ?? 0)}% of Moonshot's own API: ${word(aboveRef.length)} of them scored above it${enginesPhrase}. The README gives no error bars, so a spread of ${num(deepHi.value! - deepLo.value!)} points does not show that any vendor serves K3 worse.`,
      !!deepRef && deepLo.value! <= deepRef.value! && deepRef.value! <= deepHi.value! && aboveRef.length >= 1 && deepHi.value! - deepLo.value! < 10,
      "Moonshot's own DeepSWE score lies within the vendors' range, at least one vendor is above it, and the spread is under 10 points",
      { inputs: k3Inputs, falsifiedBy: "a K3 table in which Moonshot's own API scores above or below every vendor, no vendor above it, or vendors spread by 10 points or more" }),
    claim('fig-vendor-verifier',
      `In Moonshot's test of ${fmtDate(k2.asOf)}, ${word(belowThird.length)} of ${k2.thirdParty.length} third-party vendor listings fell below its tool-calling threshold; schema accuracy and tool-call F1 are drawn in separate panels.`,
      belowThird.length >= 1,
      'at least one third-party listing of the latest K2 table is below the threshold',
      { inputs: k2Counts, falsifiedBy: 'a newer K2 table with no third-party listing below its threshold' }),
    claim('fig-vendor-verifier-k3',
      `On the DeepSWE coding benchmark, vendors ranged from ${num(deepLo.value!)}% (${deepLo.vendor}) to ${num(deepHi.value!)}% (${deepHi.vendor}), around Moonshot's own API at ${num(deepRef?.value ?? 0)}%${enginesPhrase}.`,
      !!deepRef && deepLo.value! <= deepRef.value! && deepRef.value! <= deepHi.value!,
      "Moonshot's own DeepSWE score lies within the vendors' range",
      { inputs: k3Inputs, falsifiedBy: "a K3 table in which Moonshot's own API scores above or below every vendor" }),
  ];
}
