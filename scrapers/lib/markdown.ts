/** Markdown helpers shared by the parsers of READMEs and model cards. */

/**
 * Removes what states nothing in a Markdown document: HTML comments and fenced code blocks
 * (a results table pasted inside ``` is an example, not data). Line breaks are kept so line
 * numbers stay comparable; `keepOffsets` also keeps every character offset (the removed text
 * becomes spaces), for parsers that map positions back into the original.
 */
export function withoutCodeAndComments(md: string, { keepOffsets = false }: { keepOffsets?: boolean } = {}): string {
  const erase = (s: string) => s.replace(/[^\n]/g, keepOffsets ? ' ' : '');
  const text = md.replace(/<!--[\s\S]*?-->/g, erase);
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
