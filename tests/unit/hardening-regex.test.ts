/**
 * Issue 13 row 12: the text readers run in linear time on hostile input. The inputs are the
 * issue's own (a 320 KB model card ending in 300,000 `[`, a licence of `1,` x 40,000), which
 * took 113 s and 16 s with the backtracking regexes; the test timeout is the only clock, and
 * it is a hang guard (many times what a linear pass takes), not a measurement.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutCodeAndComments } from '../../scrapers/lib/markdown.ts';
import { findLinks, replaceLinks, replaceTags } from '../../scrapers/lib/linear.ts';
import { parseLicenceText, parseModelCard, type DocInfo } from '../../scrapers/model-cards.ts';
import { inlineText, pipeTables } from '../../scrapers/model-cards/markdown.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/model-cards/${name}`, import.meta.url), 'utf8');
const doc: DocInfo = { repo: 'example-lab/Example', repoHost: 'huggingface', documentUrl: 'https://huggingface.co/example-lab/Example/blob/main/README.md' };
const GUARD = { timeout: 20_000 };

describe('row 12: pathological text', () => {
  it('a 320 KB model card ending in 300,000 "[" parses', GUARD, () => {
    const card = fixture('front-matter-card.md');
    const hostile = card + 'x'.repeat(Math.max(0, 20_000 - card.length)) + '['.repeat(300_000);
    expect(parseModelCard(hostile, doc).length).toBeGreaterThan(0);
    expect(inlineText(`see [the card](https://x.test) ${'['.repeat(300_000)}`).startsWith('see the card [[[')).toBe(true);
  });

  it('a licence text of "1," x 40,000 parses', GUARD, () => {
    const row = parseLicenceText(`LICENSE\n${'1,'.repeat(40_000)} million monthly active users`, doc);
    expect(row.licence_title).toBe('LICENSE');
  });

  it('200 KB of unclosed "<!--" in a card', GUARD, () => {
    expect(withoutCodeAndComments(`a\n${'<!--'.repeat(50_000)}`)).toBe(`a\n${'<!--'.repeat(50_000)}`);
  });

  it('a blank run of 200,000 spaces before a table delimiter', GUARD, () => {
    expect(pipeTables(`| a | b |\n${' '.repeat(200_000)}|x`)).toEqual([]);
  });
});

describe('the linear scanners give what the regexes they replace give', () => {
  const cases = [
    '', 'plain', '[a](b)', '![i](u) and [l](v)', '[a [b](c)', '[a](  [b](c))', '[a]x(b)', '[a](b', 'x](y)', '[](', '![a](b)[c](d)',
    '<b>x</b>', '<>', 'a < b > c', '<<a>>', '<a href="x">l</a>', '[t](u (v)) w)', '[x\n y](z\nw)',
  ];
  it.each(cases)('%j', (s) => {
    expect(replaceLinks(s, { image: true }, () => ' ')).toBe(s.replace(/!\[[^\]]*\]\([^)]*\)/g, ' '));
    expect(replaceLinks(s, {}, (m) => m.text)).toBe(s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
    expect(replaceTags(s, ' ')).toBe(s.replace(/<[^>]+>/g, ' '));
    const re = /\[([^\]]*)\]\(([^)\s]+)[^)]*\)/.exec(s);
    const first = findLinks(s, { accept: (m) => /^[^)\s]/.test(m.url) })[0];
    expect(first ? [first.text, /^\S+/.exec(first.url)![0]] : null).toEqual(re ? [re[1], re[2]] : null);
  });
});
