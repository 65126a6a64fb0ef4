/**
 * Linear-time replacements for regexes of the shape `\[([^\]]*)\]\(([^)]*)\)` and `<[^>]+>`.
 *
 * Why: a regex engine tries such a pattern at every opening character, and each try scans to
 * the next closing one. On untrusted text with many openers and no closer (a model card ending
 * in 300,000 `[`), that is quadratic: minutes for a few hundred KB. These scanners give exactly
 * the matches the regexes give (leftmost, non-overlapping, the first closer after each opener),
 * but remember where the next closer is, so the whole text is read a bounded number of times.
 */

/** `indexOf` for one character that reuses its last answer while the search start stays before it. */
function nextFinder(s: string, ch: string): (from: number) => number {
  let lastFrom = Infinity;
  let lastAt = -1;
  return (from) => {
    if (from >= lastFrom && (lastAt === -1 || lastAt >= from)) return lastAt;
    lastFrom = from;
    lastAt = s.indexOf(ch, from);
    return lastAt;
  };
}

export interface LinkMatch {
  /** Index of the `[` (or of the `!` of an image). */
  start: number;
  /** Index just past the closing `)`. */
  end: number;
  text: string;
  url: string;
}

/**
 * Every `[text](url)` (or, with `image`, `![alt](url)`) in `s`, as the regex
 * `/!?\[([^\]]*)\]\(([^)]*)\)/g` finds them: text up to the first `]`, url up to the first `)`.
 * `accept` narrows what counts as a match, as extra conditions in the regex would: a rejected
 * candidate is skipped and the search goes on from the next opener.
 */
export function findLinks(s: string, { image = false, accept }: { image?: boolean; accept?: (m: LinkMatch) => boolean } = {}): LinkMatch[] {
  const out: LinkMatch[] = [];
  const nextClose = nextFinder(s, ']');
  const nextParen = nextFinder(s, ')');
  const opener = image ? '![' : '[';
  for (let i = s.indexOf(opener); i !== -1; ) {
    const textStart = i + opener.length;
    const j = nextClose(textStart);
    if (j === -1) break; // no `]` anywhere after: no later opener can match either
    if (s[j + 1] === '(') {
      const k = nextParen(j + 2);
      if (k === -1) break; // no `)` after this point: nothing later can close
      const m = { start: i, end: k + 1, text: s.slice(textStart, j), url: s.slice(j + 2, k) };
      if (accept && !accept(m)) {
        i = s.indexOf(opener, i + 1);
        continue;
      }
      out.push(m);
      i = s.indexOf(opener, k + 1);
    } else {
      i = s.indexOf(opener, i + 1);
    }
  }
  return out;
}

/** `s` with each link of `findLinks(s, opts)` replaced by `replace(match)`. */
export function replaceLinks(s: string, opts: { image?: boolean }, replace: (m: LinkMatch) => string): string {
  const links = findLinks(s, opts);
  if (links.length === 0) return s;
  let out = '';
  let at = 0;
  for (const m of links) {
    out += s.slice(at, m.start) + replace(m);
    at = m.end;
  }
  return out + s.slice(at);
}

/** `s.replace(/<[^>]+>/g, replacement)`, in linear time. */
export function replaceTags(s: string, replacement: string): string {
  const nextGt = nextFinder(s, '>');
  let out = '';
  let at = 0;
  for (let i = s.indexOf('<'); i !== -1; ) {
    const k = nextGt(i + 1);
    if (k === -1) break;
    if (k === i + 1) {
      i = s.indexOf('<', i + 1); // `<>` is not a tag
      continue;
    }
    out += s.slice(at, i) + replacement;
    at = k + 1;
    i = s.indexOf('<', k + 1);
  }
  return out + s.slice(at);
}
