/**
 * An architecture config → one row with the keys normalised across spellings:
 * Hugging Face transformers configs (DeepSeek: n_routed_experts / num_experts_per_tok;
 * Mixtral, MiniMax, gpt-oss: num_local_experts; Qwen-MoE, Hunyuan: num_experts),
 * DeepSeek's reference-inference configs (n_layers, dim, n_activated_experts) and OpenAI's
 * "original" configs (num_experts, experts_per_token). Per-layer lists (Hunyuan's moe_topk)
 * become one number when every layer agrees. Multimodal configs are read from text_config.
 */
import { ParseError } from '../../lib/errors.ts';
import type { DocInfo } from './card.ts';
import { configRow, type ConfigRow } from '../../lib/source-rows/model-cards.ts';
export { configRow, type ConfigRow };



const KEYS = {
  num_hidden_layers: ['num_hidden_layers', 'n_layers', 'num_layers', 'n_layer'],
  hidden_size: ['hidden_size', 'dim', 'd_model', 'n_embd'],
  intermediate_size: ['intermediate_size', 'inter_dim', 'ffn_hidden_size', 'ffn_dim'],
  moe_intermediate_size: ['moe_intermediate_size', 'moe_inter_dim', 'expert_intermediate_size'],
  num_attention_heads: ['num_attention_heads', 'n_heads', 'n_head'],
  experts: ['n_routed_experts', 'num_local_experts', 'num_experts', 'moe_num_experts', 'n_experts'],
  experts_per_token: ['num_experts_per_tok', 'n_activated_experts', 'experts_per_token', 'num_experts_per_token', 'moe_topk', 'moe_k'],
  n_shared_experts: ['n_shared_experts', 'num_shared_experts', 'num_shared_expert'],
  vocab_size: ['vocab_size', 'padded_vocab_size'],
  max_position_embeddings: ['max_position_embeddings', 'max_seq_len', 'max_sequence_length', 'n_positions'],
} as const;

type IntField = keyof typeof KEYS;

function firstKey(obj: Record<string, unknown>, keys: readonly string[]): string | null {
  return keys.find((k) => obj[k] !== undefined) ?? null;
}

/** An integer, or a per-layer list of integers that all agree; a list that varies gives null and a note. */
function intValue(obj: Record<string, unknown>, field: IntField, notes: string[]): { value: number | null; key: string | null } {
  const key = firstKey(obj, KEYS[field]);
  if (!key) return { value: null, key: null };
  const v = obj[key];
  if (v === null) return { value: null, key };
  const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (isInt(v)) return { value: v, key };
  if (Array.isArray(v) && v.length > 0 && v.every(isInt)) {
    if (v.every((x) => x === v[0])) return { value: v[0] as number, key };
    notes.push(`${key} varies by layer (${Math.min(...v)}–${Math.max(...v)})`);
    return { value: null, key };
  }
  throw new ParseError(`config key "${key}" is not a whole number: ${JSON.stringify(v).slice(0, 60)}`, {
    field: key,
    hint: 'the config format changed, or the value is quoted text',
  });
}

function textValue(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  throw new ParseError(`config key "${key}" is not text: ${JSON.stringify(v).slice(0, 60)}`, { field: key });
}

export function parseModelConfig(json: string, doc: DocInfo): ConfigRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new ParseError(`config is not valid JSON: ${(err as Error).message}`, { field: 'config.json', hint: 'the download was truncated, or an HTML error page came back' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ParseError('config is not a JSON object', { field: 'config.json' });
  }
  const top = parsed as Record<string, unknown>;
  const notes: string[] = [];
  // Vision-language configs nest the language model's architecture under text_config.
  let arch = top;
  if (!firstKey(top, KEYS.num_hidden_layers) && typeof top['text_config'] === 'object' && top['text_config'] !== null && !Array.isArray(top['text_config'])) {
    arch = top['text_config'] as Record<string, unknown>;
    notes.push('architecture read from text_config');
  }
  if (!firstKey(arch, KEYS.num_hidden_layers)) {
    throw new ParseError('no layer count in config', {
      field: KEYS.num_hidden_layers.join(' | '),
      hint: 'not an architecture config (tokenizer or generation config?), or a new key name to add to KEYS',
    });
  }

  const ints = Object.fromEntries((Object.keys(KEYS) as IntField[]).map((f) => [f, intValue(arch, f, notes)])) as Record<IntField, { value: number | null; key: string | null }>;

  const architecturesValue = top['architectures'];
  let architectures: string | null = null;
  if (Array.isArray(architecturesValue) && architecturesValue.every((a) => typeof a === 'string')) {
    architectures = architecturesValue.length ? architecturesValue.join(';') : null;
  } else if (typeof architecturesValue === 'string') {
    architectures = architecturesValue;
  } else if (architecturesValue !== undefined && architecturesValue !== null) {
    throw new ParseError('config key "architectures" is not a list of class names', { field: 'architectures' });
  }

  const quant = top['quantization_config'] ?? arch['quantization_config'];
  let quantization: string | null = null;
  if (quant !== undefined && quant !== null) {
    if (typeof quant !== 'object' || Array.isArray(quant)) throw new ParseError('config key "quantization_config" is not an object', { field: 'quantization_config' });
    quantization = textValue(quant as Record<string, unknown>, 'quant_method');
  }

  const dtypeKey = firstKey(arch, ['torch_dtype', 'dtype']) ?? firstKey(top, ['torch_dtype', 'dtype']);
  const dtypeSource = dtypeKey && arch[dtypeKey] !== undefined ? arch : top;

  return {
    repo: doc.repo,
    repo_host: doc.repoHost,
    document_url: doc.documentUrl,
    config_kind: 'architectures' in top || 'model_type' in top ? 'transformers' : 'reference',
    model_type: textValue(top, 'model_type'),
    architectures,
    num_hidden_layers: ints.num_hidden_layers.value,
    hidden_size: ints.hidden_size.value,
    intermediate_size: ints.intermediate_size.value,
    moe_intermediate_size: ints.moe_intermediate_size.value,
    num_attention_heads: ints.num_attention_heads.value,
    experts: ints.experts.value,
    experts_key: ints.experts.key,
    experts_per_token: ints.experts_per_token.value,
    n_shared_experts: ints.n_shared_experts.value,
    vocab_size: ints.vocab_size.value,
    max_position_embeddings: ints.max_position_embeddings.value,
    torch_dtype: dtypeKey ? textValue(dtypeSource, dtypeKey) : null,
    quantization,
    notes: notes.length ? notes.join('; ') : null,
  };
}
