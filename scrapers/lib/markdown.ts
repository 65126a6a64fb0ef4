/** Markdown helpers shared by the parsers of READMEs and model cards. */

/**
 * Removes what states nothing in a Markdown document: HTML comments and fenced code blocks
 * (a results table pasted inside ``` is an example, not data). Line breaks are kept so line
 * numbers stay comparable; `keepOffsets` also keeps every character offset (the removed text
 * becomes spaces), for parsers that map positions back into the original.
 */
export function withoutCodeAndComments(md: string, { keepOffsets = false }: { keepOffsets?: boolean } = {}): string {
  const erase = (s: string) => s.replace(/[^\n]/g, keepOffsets ? ' ' : '');
  const text = replaceComments(md, erase);
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      out.push(erase(line));
    } else if (m) {
      fence = m[1]!;
      out.push(erase(line));
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

/**
 * `md.replace(/<!--[\s\S]*?-->/g, f)` in linear time: the regex is tried from every `<!--` and
 * each try scans to the end when no `-->` follows (200 KB of `<!--` took 25 s).
 */
function replaceComments(md: string, f: (comment: string) => string): string {
  let out = '';
  let at = 0;
  for (let i = md.indexOf('<!--'); i !== -1; i = md.indexOf('<!--', at)) {
    const end = md.indexOf('-->', i + 4);
    if (end === -1) break; // unclosed: the regex matches nothing from here on either
    out += md.slice(at, i) + f(md.slice(i, end + 3));
    at = end + 3;
  }
  return out + md.slice(at);
}
