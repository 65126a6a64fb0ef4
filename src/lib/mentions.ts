/**
 * Whether a sentence names something: `name` occurs in `text` as a whole name, not inside a longer
 * one ("Kimi K2" is not named by "Kimi K2.5", "GLM-5" not by "GLM-5.2"; a full stop that ends the
 * sentence still counts). Case-sensitive, as the names are printed. Used to label, in a figure, the
 * marks its takeaway names, and by the test that checks every such name is drawn.
 */
export function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_.-])${escaped}(?![\\p{L}\\p{N}_-]|[.-][\\p{L}\\p{N}])`, 'u').test(text);
}
