/**
 * Entity resolution: each source spells a model its own way ("Kimi K2.6", "kimi-k2.6",
 * "moonshotai/kimi-k2.6"). A name resolves to a canonical model id by, in order:
 * 1. an explicit row in data/reference/model_aliases.csv (source, name → model_id);
 * 2. its normalised key equal to the key of exactly one canonical model's id, name or short name.
 * Keys shared by two canonical models are ambiguous and never auto-matched. Unmatched names
 * are collected per source for the coverage report.
 */
import type { ModelAlias } from './reference.ts';

/** "moonshotai/Kimi-K2.6 (Reasoning)" → "kimi-k2-6-reasoning". */
export function modelKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^.*\//, '')
    .replace(/[()[\],]/g, ' ')
    .replace(/[\s_.:/]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Hosts decorate model ids with packaging that does not change the model: a vendor prefix
 * ("moonshot-kimi-k2"), "-instruct", "-preview", "-fp8", "-latest". Tried only when the plain key matches nothing.
 */
export function withoutPackaging(key: string): string {
  let k = key.replace(/^(moonshot|moonshotai|deepseek-ai|zai-org|qwen|meta-llama|mistralai|openai|minimaxai)-(?=[a-z])/, '');
  for (;;) {
    const next = k.replace(/-(instruct|preview|fp8|fp4|bf16|latest|maas|free)$/, '');
    if (next === k) return k;
    k = next;
  }
}

export interface CanonicalModel {
  model_id: string;
  names: string[];
}

export class ModelResolver {
  private readonly byId = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly ambiguous = new Set<string>();
  private readonly aliases = new Map<string, string>();
  private readonly ids: Set<string>;
  /** source → names that matched nothing */
  readonly unmatched = new Map<string, Set<string>>();
  /** source → number of distinct names matched */
  readonly matched = new Map<string, Set<string>>();

  constructor(models: CanonicalModel[], aliases: ModelAlias[]) {
    this.ids = new Set(models.map((m) => m.model_id));
    // A model's own id outranks every other model's display names: "deepseek-r1" is the model whose id
    // it is, even though several variants are called "DeepSeek R1" for short.
    for (const m of models) this.byId.set(modelKey(m.model_id), m.model_id);
    for (const m of models) {
      for (const key of new Set(m.names.map(modelKey))) {
        if (this.byId.has(key)) continue;
        const prev = this.byKey.get(key);
        if (prev && prev !== m.model_id) this.ambiguous.add(key);
        else this.byKey.set(key, m.model_id);
      }
    }
    for (const key of this.ambiguous) this.byKey.delete(key);
    for (const a of aliases) {
      if (!this.ids.has(a.model_id)) {
        throw new Error(`data/reference/model_aliases.csv: "${a.name}" (${a.source}) points to unknown model id "${a.model_id}"`);
      }
      this.aliases.set(`${a.source}\u0000${a.name.toLowerCase()}`, a.model_id);
    }
  }

  private lookup(key: string): string | undefined {
    return this.byId.get(key) ?? this.byKey.get(key);
  }

  /**
   * loose: also try the key without host packaging (withoutPackaging). For catalogues of hosts, where
   * "kimi-k2-instruct-fp8" is the model itself; not for leaderboards, which rate such variants apart.
   */
  resolve(source: string, name: string | null | undefined, { loose = false }: { loose?: boolean } = {}): string | null {
    const m = this.peek(source, name, { loose });
    if (name) this.record(source, name, m?.id ?? null);
    return m?.id ?? null;
  }

  /**
   * Resolves without counting the name in the coverage report, and says how it matched: `alias`
   * (a reviewed row of model_aliases.csv) or `exact` (the normalised key of the name itself). A
   * caller that may still reject the match (a family match whose dates contradict) records it itself.
   */
  peek(source: string, name: string | null | undefined, { loose = false, skipAlias = false }: { loose?: boolean; skipAlias?: boolean } = {}): { id: string; kind: 'alias' | 'exact' } | null {
    if (!name) return null;
    const alias = skipAlias ? undefined : this.aliases.get(`${source}\u0000${name.toLowerCase()}`);
    if (alias) return { id: alias, kind: 'alias' };
    const key = modelKey(name);
    const id = this.lookup(key) ?? (loose ? this.lookup(withoutPackaging(key)) : undefined);
    return id ? { id, kind: 'exact' } : null;
  }

  /** Counts a source name as matched or unmatched for the coverage report. */
  record(source: string, name: string, id: string | null): void {
    const bucket = id ? this.matched : this.unmatched;
    if (!bucket.has(source)) bucket.set(source, new Set());
    bucket.get(source)!.add(name);
  }

  /** Why a name matched nothing: its key (or its key without host packaging) is shared by several models, or no model has it. */
  whyUnmatched(name: string): 'ambiguous' | 'unknown' {
    const key = modelKey(name);
    return this.ambiguous.has(key) || this.ambiguous.has(withoutPackaging(key)) ? 'ambiguous' : 'unknown';
  }

  ambiguousKeys(): string[] {
    return [...this.ambiguous].sort();
  }
}

/**
 * Two different names of one source version that resolve to one model id: the join would
 * silently merge two models. The build fails on them; a deliberate merge is declared in
 * model_aliases.csv instead of loosening the check.
 */
export function findCollisions(where: string, pairs: { name: string; modelId: string | null }[]): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const { name, modelId } of pairs) {
    if (!modelId) continue;
    const prev = seen.get(modelId);
    if (prev !== undefined && prev !== name) found.push(`"${prev}" and "${name}" both resolve to "${modelId}" (${where})`);
    else seen.set(modelId, name);
  }
  return found;
}

export function assertNoCollisions(collisions: string[]): void {
  if (collisions.length === 0) return;
  const unique = [...new Set(collisions.map((c) => c.replace(/ \(.*\)$/, '')))];
  throw new Error(`alias collision: two names of one source version resolve to one model id, so the join would merge two models. Give one of them its own id in data/reference/model_aliases.csv:\n  ${unique.join('\n  ')}`);
}
