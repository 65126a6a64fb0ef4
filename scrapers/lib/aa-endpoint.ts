/**
 * Artificial Analysis's providers table names an endpoint variant twice: once in the provider
 * ("Nebius Fast", "Deepinfra (Turbo, FP8)", "Fireworks (Base)") and once in the model
 * ("DeepSeek R1 0528 Fast", "Llama 3.3 70B (Turbo, FP8)"). The words the two cells share at
 * their end are the endpoint tag: a separate offer of one model by one host (a faster or
 * cheaper tier, a quantised copy, another cloud platform), not another model. Splitting the tag
 * off gives the host, the model as AA names it elsewhere (so the join finds the right version:
 * "DeepSeek R1 (Jan '25) (Fast)" is the January R1, not R1-0528), the variant and the precision.
 */

export interface AaEndpoint {
  /** The company serving the endpoint: "Nebius" for "Nebius Fast". */
  host: string;
  /** The model without the endpoint tag: "DeepSeek R1 (Jan '25)". */
  base_model: string;
  /** Non-precision words of the tag, joined with ", ": "Fast", "Turbo", "Throughput", "Vertex"; null for the standard endpoint. */
  endpoint_variant: string | null;
  /** Number format the tag states (FP8, FP4, FP16, BF16, INT4, INT8); null where the tag states none (not "16-bit": unknown). */
  precision: string | null;
}

const PRECISION = /^(FP|BF|INT)\d+$/i;

/** The longest suffix of both strings that starts at a word boundary in each (after a space). */
function sharedTail(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  let tail = a.slice(a.length - i);
  // Cut to a whole-word suffix of both: it must be preceded by a space in each, and cannot be all of either.
  for (;;) {
    const ok = tail.length > 0 && tail.length < a.length && tail.length < b.length && a[a.length - tail.length - 1] === ' ' && b[b.length - tail.length - 1] === ' ';
    if (ok || tail.length === 0) return ok ? tail : '';
    const next = tail.indexOf(' ');
    tail = next < 0 ? '' : tail.slice(next + 1);
  }
}

export function splitAaEndpoint(provider: string, model: string): AaEndpoint {
  const tail = sharedTail(provider.trim(), model.trim());
  if (!tail) return { host: provider.trim(), base_model: model.trim(), endpoint_variant: null, precision: null };
  const host = provider.trim().slice(0, -tail.length).trim();
  const base_model = model.trim().slice(0, -tail.length).trim();
  const words = tail.replace(/^\((.*)\)$/, '$1').split(/\s*,\s*/).map((w) => w.replace(/_/g, ' ').trim()).filter(Boolean);
  const precision = words.filter((w) => PRECISION.test(w)).map((w) => w.toUpperCase());
  // "Snowflake Snowflake": a tag that only repeats the host's name is no variant.
  const variant = words.filter((w) => !PRECISION.test(w) && w.toLowerCase() !== host.toLowerCase());
  return { host, base_model, endpoint_variant: variant.length ? variant.join(', ') : null, precision: precision.length ? precision.join(', ') : null };
}
