import { describe, expect, it } from 'vitest';
import { mentions } from '../../src/lib/mentions.ts';

describe('mentions', () => {
  it('finds a whole name, also at the end of a sentence and before a comma', () => {
    expect(mentions('for Kimi K2, Groq served 447 tokens', 'Kimi K2')).toBe(true);
    expect(mentions('Deepinfra charged $0.88.', 'Deepinfra')).toBe(true);
    expect(mentions('the best open model, Kimi K2.', 'Kimi K2')).toBe(true);
    expect(mentions('vLLM on Inferact (vLLM ref.) passed', 'Inferact (vLLM ref.)')).toBe(true);
  });
  it('does not find a name inside a longer one', () => {
    expect(mentions('Kimi K2.5 scores 148', 'Kimi K2')).toBe(false);
    expect(mentions('GLM-5.2 leads', 'GLM-5')).toBe(false);
    expect(mentions('Qwen3-Max leads', 'Qwen3')).toBe(false);
    expect(mentions('ModalX leads', 'Modal')).toBe(false);
  });
});
