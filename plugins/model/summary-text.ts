/**
 * The opening of a text as a description for link previews (`og:description`, `<meta
 * name="description">`): whole sentences up to `max` characters (300: what link previews show),
 * wrapped lines joined. When even the first sentence is longer, it is cut at a word and ends with
 * "…", never inside a word.
 */
export function summaryText(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Sentence ends: . ! ? (with closing quotes or brackets) before a space and a capital, digit or quote.
  const ends = [...flat.matchAll(/[.!?]["'”’)\]]*(?= +["'“‘([]?[\p{Lu}\p{N}])/gu)].map((match) => match.index! + match[0].length);
  const fitting = ends.filter((end) => end <= max).at(-1);
  if (fitting) return flat.slice(0, fitting);
  const cut = flat.slice(0, max - 1);
  const word = cut.lastIndexOf(' ');
  return `${(word > max / 2 ? cut.slice(0, word) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
