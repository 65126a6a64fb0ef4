import { describe, expect, it } from 'vitest';
import { ordinalSuffix } from '../../src/lib/format.ts';

describe('ordinalSuffix (ranks in sentences: "the 2nd strongest")', () => {
  it.each([
    [1, 'st'], [2, 'nd'], [3, 'rd'], [4, 'th'], [10, 'th'], [11, 'th'], [12, 'th'], [13, 'th'], [14, 'th'],
    [21, 'st'], [22, 'nd'], [23, 'rd'], [30, 'th'], [101, 'st'], [111, 'th'], [112, 'th'], [113, 'th'], [122, 'nd'],
  ])('%i → %s', (n, suffix) => {
    expect(ordinalSuffix(n)).toBe(suffix);
  });
});
