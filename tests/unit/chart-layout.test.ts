/** The shared chart layout rules (src/charts/layout.ts): label widths, wrapping, truncation, collision-free placement. */
import { describe, expect, it } from 'vitest';
import { FONT, dodge, labelMargin, lanes, placeLabels, textWidth, tickEvery, truncate, truncateAll, wrap } from '../../src/charts/layout.ts';

describe('text widths', () => {
  it('grows with length and size, and wide glyphs count more than narrow ones', () => {
    expect(textWidth('mmmm')).toBeGreaterThan(textWidth('iiii') * 2);
    expect(textWidth('abc', 24)).toBeCloseTo(textWidth('abc', 12) * 2);
    expect(textWidth('abc', FONT, { bold: true })).toBeGreaterThan(textWidth('abc'));
  });
  it('sizes a margin from the longest label, capped so the plot keeps its minimum', () => {
    expect(labelMargin(['a', 'Claude Opus 4.8'], 720)).toBe(Math.ceil(textWidth('Claude Opus 4.8') + 10));
    expect(labelMargin(['x'.repeat(200)], 320, { minPlot: 120 })).toBe(200);
  });
});

describe('truncate and wrap', () => {
  it('cuts to the width with an ellipsis, and leaves short labels alone', () => {
    expect(truncate('GLM-5.2', 200)).toBe('GLM-5.2');
    const cut = truncate('Nemotron 3 Ultra 550B A55B', 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
  });
  it('keeps truncated labels distinct by keeping their ends', () => {
    const labels = ['claude-opus-4-5-20251101-thinking-32k', 'claude-opus-4-5-20251101'];
    const out = truncateAll(labels, 120);
    expect(new Set(out.values()).size).toBe(2);
    for (const v of out.values()) expect(textWidth(v)).toBeLessThanOrEqual(120);
  });
  it('drops a date stamp before cutting, where the label stays distinct, so the version survives the cut', () => {
    const labels = ['claude-opus-4-5-20251101-thinking-32k', 'claude-opus-4-5-20251101', 'claude-opus-4-6-thinking', 'gpt-5.2-chat-latest-20260210'];
    const out = truncateAll(labels, 150);
    expect(out.get('claude-opus-4-5-20251101')).toBe('claude-opus-4-5');
    expect(out.get('claude-opus-4-5-20251101-thinking-32k')).toMatch(/^claude-opus-4-5-/);
    expect(out.get('gpt-5.2-chat-latest-20260210')).toMatch(/^gpt-5\.2-chat-latest/);
    expect(new Set(out.values()).size).toBe(labels.length);
    // A stamp whose removal would make the label read as another one stays.
    const twins = truncateAll(['model-x-20250101-long-suffix', 'model-x-long-suffix'], 150);
    expect(twins.get('model-x-20250101-long-suffix')).toMatch(/^model-x-2025/);
  });
  it('does not let a cut label read as the start of another ("x-exp…" beside "x-exp")', () => {
    const out = truncateAll(['deepseek-v3.2-exp', 'deepseek-v3.2-exp-thinking'], textWidth('deepseek-v3.2-exp…'));
    expect(out.get('deepseek-v3.2-exp')).toBe('deepseek-v3.2-exp');
    expect(out.get('deepseek-v3.2-exp-thinking')).not.toBe('deepseek-v3.2-exp…');
    expect(out.get('deepseek-v3.2-exp-thinking')).toMatch(/….*g$/);
  });
  it('wraps at spaces into at most the given number of lines, each within the width', () => {
    const text = wrap('Artificial Analysis, best closed model', 90, { lines: 3 });
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(90);
    expect(wrap('short', 90)).toBe('short');
  });
});

describe('collision avoidance', () => {
  it('dodge spreads overlapping items apart and keeps them inside the range', () => {
    const pos = dodge([{ at: 10, size: 10 }, { at: 12, size: 10 }, { at: 14, size: 10 }], { gap: 2, max: 40 });
    const sorted = [...pos].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(12);
    expect(Math.max(...pos) + 5).toBeLessThanOrEqual(40);
  });
  it('lanes put touching labels on different lines and reuse a line when there is room', () => {
    expect(lanes([{ x: 0, width: 50 }, { x: 20, width: 50 }, { x: 100, width: 20 }])).toEqual([0, 1, 0]);
  });
  it('placeLabels keeps labels inside the bounds, off the points and off each other, or drops them', () => {
    const points = [{ x: 50, y: 50, text: 'Alpha' }, { x: 56, y: 50, text: 'Beta' }, { x: 195, y: 50, text: 'Gamma' }];
    const placed = placeLabels(points, { left: 0, top: 0, right: 200, bottom: 100 });
    const boxes = placed.flatMap((p, i) => {
      if (!p) return [];
      const w = textWidth(points[i]!.text);
      const left = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
      return [{ left, right: left + w, top: p.y - 8, bottom: p.y + 8 }];
    });
    expect(boxes.length).toBeGreaterThan(1);
    for (const b of boxes) expect(b.left >= 0 && b.right <= 200 && b.top >= 0 && b.bottom <= 100).toBe(true);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `labels ${i} and ${j} overlap`).toBe(false);
    }
    expect(placed[2]?.anchor, 'a point at the right edge is labelled on its left').not.toBe('start');
  });
  it('tickEvery thins ticks that would not fit', () => {
    expect(tickEvery(8, 400, 30)).toBe(1);
    expect(tickEvery(8, 200, 30)).toBe(2);
  });
});
